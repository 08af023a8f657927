import type { PageContent } from '../layout.js';

export const DEMO_PASSWORD = 'demo-password-1';

export function loginPage(): PageContent {
  return {
    title: 'Log in',
    script: 'login.js',
    main: `<section class="panel narrow">
<h1>Log in</h1>
<form id="login-form" class="form" novalidate>
  <div class="field">
    <label for="email">Email</label>
    <input id="email" name="email" type="email" autocomplete="username" aria-describedby="email-error">
    <p class="field-error" id="email-error" hidden></p>
  </div>
  <div class="field">
    <label for="password">Password</label>
    <input id="password" name="password" type="password" autocomplete="current-password" aria-describedby="password-error">
    <p class="field-error" id="password-error" hidden></p>
  </div>
  <p class="form-error" id="login-error" role="alert" hidden></p>
  <button type="submit" class="button button-primary" data-testid="login-submit">Log in</button>
</form>
<p class="hint">Demo accounts: any email address with the password <code>${DEMO_PASSWORD}</code>.</p>
<p><a href="/catalogue">Continue as guest</a></p>
</section>`,
  };
}
