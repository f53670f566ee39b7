import { copyToClipboard } from '@elastic/eui';

/** Copies text: the async Clipboard API where the page may use it, else OUI's execCommand fallback. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Not permitted here (insecure origin, no focus): the fallback may still work.
  }
  try {
    return copyToClipboard(text);
  } catch {
    return false;
  }
}
