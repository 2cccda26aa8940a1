import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { LOCALE_COOKIE, resolveLocale } from './config';
import { getMessages } from './messages';

// No locale in the URL: the choice lives in a cookie, falling back to Accept-Language, then zh-CN.
export default getRequestConfig(async () => {
  const cookieStore = await cookies();
  const headerStore = await headers();
  const locale = resolveLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerStore.get('accept-language'));
  return { locale, messages: getMessages(locale), timeZone: 'Asia/Shanghai' };
});
