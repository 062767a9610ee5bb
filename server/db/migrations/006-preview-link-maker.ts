/** Who a preview link was made for: a coordinator, or a kiosk whose staff opened a preview. */
export default /* sql */ `
ALTER TABLE preview_links ADD COLUMN made_for TEXT NOT NULL DEFAULT '';
`;
