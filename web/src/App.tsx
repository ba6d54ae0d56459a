import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Suspense, startTransition, useEffect, useMemo, useState } from 'react';
import { BrowserRouter } from 'react-router';
import { ApiError } from './api';
import { type Locale, LocaleContext, storedLocale, storeLocale } from './i18n';
import { ME_KEY } from './session';
import { AppRoutes } from './shell/AppRoutes';

function createQueryClient() {
  // A session that ended (expired, signed out elsewhere) shows up as a 401 on any request: forget the
  // person, and the router sends them to sign in and back to the page they were on.
  const onError = (err: unknown) => {
    if (err instanceof ApiError && err.code === 'UNAUTHENTICATED') client.setQueryData(ME_KEY, null);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        // A 4xx answer will not change on retry; network hiccups and 5xx get two more tries.
        retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
  return client;
}

const THEME = { token: { colorPrimary: '#c8161d', borderRadius: 6 } };

export function App() {
  const [locale, setLocaleState] = useState<Locale>(storedLocale);
  // One cache per mounted app, so nothing a previous session cached can leak into the next.
  const [queryClient] = useState(createQueryClient);
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  useEffect(() => {
    document.documentElement.lang = locale === 'en' ? 'en' : 'zh-CN';
  }, [locale]);
  const localeValue = useMemo(
    () => ({
      locale,
      setLocale: (l: Locale) => {
        storeLocale(l);
        // English dictionaries load on first use (i18n.ts): keep showing this page until they are here.
        startTransition(() => setLocaleState(l));
      },
    }),
    [locale],
  );
  return (
    <LocaleContext.Provider value={localeValue}>
      <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={THEME}>
        <AntApp>
          <QueryClientProvider client={queryClient}>
            <BrowserRouter>
              {/* Opened in English, the first screen waits for the shell's English (a few KB). */}
              <Suspense fallback={null}>
                <AppRoutes />
              </Suspense>
            </BrowserRouter>
          </QueryClientProvider>
        </AntApp>
      </ConfigProvider>
    </LocaleContext.Provider>
  );
}
