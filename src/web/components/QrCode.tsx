import { useEffect, useState } from 'react';

type QrState = { value: string; src: string | null; failed: boolean };

/**
 * Draws a QR code as an SVG image. The qrcode library is loaded only here, on demand, so that it
 * stays out of the JavaScript every other page loads.
 */
export function QrCode({ value, alt, loadingText, failedText }: { value: string; alt: string; loadingText: string; failedText: string }) {
  const [state, setState] = useState<QrState>({ value, src: null, failed: false });

  useEffect(() => {
    let cancelled = false;
    renderSvg(value).then(
      (svg) => {
        if (!cancelled) setState({ value, src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`, failed: false });
      },
      () => {
        if (!cancelled) setState({ value, src: null, failed: true });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [value]);

  const current = state.value === value ? state : { value, src: null, failed: false };
  if (current.failed) return <p className="qr-failed">{failedText}</p>;
  if (current.src === null) {
    return (
      <p role="status" className="qr-placeholder">
        {loadingText}
      </p>
    );
  }
  return <img className="qr" src={current.src} alt={alt} width={200} height={200} />;
}

async function renderSvg(value: string): Promise<string> {
  const module = await import('qrcode');
  // The library is CommonJS; depending on the interop its functions sit on the module or on `default`.
  const qr = (module as unknown as { default?: typeof module }).default ?? module;
  return qr.toString(value, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } });
}
