/**
 * Names of the pictures bundled with the app. A form may only name these, so a kiosk never
 * needs to fetch a picture from anywhere (it may be offline for days).
 */
export const PICTURE_NAMES = [
  'social-worker',
  'nurse',
  'addiction-worker',
  'shelter',
  'staff',
  'nobody',
  'money',
  'benefits',
  'housing',
  'health',
  'mind',
  'substances',
  'food',
  'other',
  'talk',
  'help',
  'people',
  'yes',
  'a-little',
  'no',
  'cant-say',
] as const;

export type PictureName = (typeof PICTURE_NAMES)[number];
