import { expect, test } from '@playwright/test';
import { DESKTOP, PHONE, signedInPage } from './support/sessions';

// The admin keeps the 环境敏感目标 the 初报's map shows: the seeded ones are listed, a bad latitude is
// refused beside its field, a new one is added, edited and deleted.
test('the admin adds, edits and deletes a sensitive receptor; a bad latitude is refused beside its field', async ({ browser }) => {
  const admin = await signedInPage(browser, 'admin', DESKTOP);
  await admin.goto('/admin');
  await admin.getByTestId('admin-section-receptors').click();
  await expect(admin.getByRole('heading', { name: '环境敏感目标', level: 1 })).toBeVisible();
  await expect(admin.getByTestId('receptor-row').filter({ hasText: '梁滩河西永段应急备用水源取水口' })).toContainText('饮用水水源地');
  const seeded = await admin.getByTestId('receptor-row').count();

  const name = `梁滩河北碚段取水口 ${Date.now() % 1e6}`;
  await admin.getByLabel('类别').selectOption({ label: '饮用水水源地' });
  await admin.getByLabel('名称').fill(name);
  await admin.getByLabel('纬度').fill('95');
  await admin.getByLabel('经度').fill('106.34');
  await admin.getByTestId('receptor-save').click();
  await expect(admin.getByText('纬度须为 -90 到 90 之间的数字。')).toBeVisible();
  await expect(admin.getByTestId('receptor-row')).toHaveCount(seeded);

  await admin.getByLabel('纬度').fill('29.62');
  await admin.getByTestId('receptor-save').click();
  await expect(admin.getByText('已新增敏感目标。')).toBeVisible();
  const row = admin.getByTestId('receptor-row').filter({ hasText: name });
  await expect(row).toContainText('29.6200, 106.3400');

  await row.getByRole('button', { name: '编辑' }).click();
  await admin.getByLabel('类别').selectOption({ label: '保护水体' });
  await admin.getByTestId('receptor-save').click();
  await expect(admin.getByText('已保存修改。')).toBeVisible();
  await expect(row).toContainText('保护水体');

  admin.once('dialog', (dialog) => dialog.accept());
  await row.getByTestId('receptor-delete').click();
  await expect(admin.getByTestId('receptor-row')).toHaveCount(seeded);
  await admin.screenshot({ path: 'test-results/admin-receptors-desktop.png', fullPage: true });
  await admin.context().close();

  const phone = await signedInPage(browser, 'admin', PHONE);
  await phone.goto('/admin/receptors');
  await expect(phone.getByTestId('receptor-form')).toBeVisible();
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await phone.screenshot({ path: 'test-results/admin-receptors-phone.png', fullPage: true });
  await phone.context().close();
});
