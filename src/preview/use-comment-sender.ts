import { useEffect, useState, useSyncExternalStore } from 'react';
import { browserCommentSender } from '../sync/browser-comment-sender';
import { NO_COMMENTS, type CommentSender, type CommentStatus } from '../sync/comment-sender';


/**
 * The sender of this preview link's comments: started with the page (so comments left on an
 * earlier, offline visit go too), woken by the browser's `online` event, stopped on leaving.
 */
export function useCommentSender(token: string): { sender: CommentSender; status: CommentStatus } {
  const [sender] = useState(() => browserCommentSender(token));
  useEffect(() => {
    const online = () => void sender.sendNow();
    window.addEventListener('online', online);
    void sender.sendNow();
    return () => {
      window.removeEventListener('online', online);
      sender.stop();
    };
  }, [sender]);
  const status = useSyncExternalStore(sender.subscribe, sender.status, () => NO_COMMENTS);
  return { sender, status };
}
