import { expect, test } from '@playwright/test';
import { failToSignIn, signIn } from './support/helpers';

test.use({ javaScriptEnabled: false });

test('staff can sign in and out with JavaScript turned off', async ({ page }) => {
  await test.step('when a hub manager signs in without JavaScript', async () => {
    await signIn(page, 'hub.manager@ffem.example');
  });
  await test.step('then the hub home renders from the server', async () => {
    await expect(page).toHaveURL(/\/hub$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hub overview');
  });
  await test.step('and a wrong password still gets the error summary', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await failToSignIn(page, 'hub.manager@ffem.example', 'wrong password entirely');
  });
});
