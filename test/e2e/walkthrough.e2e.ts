// First run: the Get Started walkthrough, reachable from the view, whose steps complete as you go.
import { defaultVsix, openContainer, runCommand, startSession, step, waitFor, type Session } from './harness';

describe('getting started', function () {
  let s: Session;

  before(async function () {
    s = await startSession({ vsix: defaultVsix() });
  });

  after(async function () {
    await s?.stop();
  });

  it('opens the walkthrough and checks off a step when the user does it', async function () {
    await openContainer(s.page, 'ML Interview Prep');
    await runCommand(s.page, 'ML Prep: Get Started');
    const page = s.page.locator('.gettingStartedContainer').first();
    await step('the walkthrough with its title', () => page.getByText('Get started with ML Interview Prep').first().waitFor());
    for (const title of ['Open a question beside your code', 'Search the cheat sheet', 'Look up a symbol, or hover one', 'Start a practice drill', 'Follow a study path']) {
      await step(`the step "${title}"`, () => page.getByText(title).first().waitFor());
    }
    await s.screenshot('walkthrough');
    await runCommand(s.page, 'ML Prep: Search Cheat Sheet');
    const input = s.page.locator('.quick-input-widget .quick-input-box input');
    await step('the cheat-sheet search box', () => waitFor(async () => (await input.getAttribute('placeholder'))?.startsWith('Search the cheat sheet')));
    await s.page.keyboard.press('Escape');
    await runCommand(s.page, 'ML Prep: Get Started');
    const searchStep = page.locator('button.getting-started-step', { hasText: 'Search the cheat sheet' }).first();
    await step('the search step checked off, the first one not', async () => {
      await searchStep.locator('.codicon-getting-started-step-checked').waitFor();
      await page.locator('button.getting-started-step', { hasText: 'Open a question beside your code' }).locator('.codicon-getting-started-step-unchecked').first().waitFor();
    });
  });
});
