import { useEffect, useState } from 'react';

const PHONE_QUERY = '(max-width: 767.98px)';

/** Below 768 px the side menu becomes a drawer and pages stack; read synchronously so nothing flashes. */
export function useIsMobile(): boolean {
  const [mobile, setMobile] = useState(() => window.matchMedia(PHONE_QUERY).matches);
  useEffect(() => {
    const query = window.matchMedia(PHONE_QUERY);
    const onChange = () => setMobile(query.matches);
    query.addEventListener('change', onChange);
    onChange();
    return () => query.removeEventListener('change', onChange);
  }, []);
  return mobile;
}
