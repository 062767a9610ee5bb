import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CommentForm } from './comment-form';
import type { ReviewText } from './review-texts';

interface Props {
  texts: ReviewText[];
  languages: string[];
  token: string;
  onSaved: (id: string) => void;
  onClose: () => void;
}

/**
 * "Comment on this screen": a comment form over the kiosk view, about any text on the screen
 * shown. The screen stays where it was underneath, so the reviewer goes on from the same
 * question. A modal dialog: Escape or Cancel closes it, and the focus goes back to the banner.
 */
export function CommentDialog({ texts, languages, token, onSaved, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  // Layout effects: the cleanup runs while the dialog is still in the page, so closing it and
  // giving the focus back to the button that opened it happen before React removes it.
  useLayoutEffect(() => {
    const element = dialog.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (element && !element.open) element.showModal();
    return () => {
      element?.close();
      opener?.focus();
    };
  }, []);
  return (
    <dialog
      ref={dialog}
      className="comment-dialog"
      aria-labelledby="comment-dialog-heading"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id="comment-dialog-heading">{t('preview.commentHere')}</h2>
      <CommentForm texts={texts} languages={languages} initialLanguage={i18n.language} token={token} onSaved={onSaved} onCancel={onClose} />
    </dialog>
  );
}
