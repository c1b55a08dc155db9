/** The lesson book beside the view: language switch, contents, the section it is open at. */
import type { Locator } from '@playwright/test';

export class LessonPanel {
  readonly contents: Locator;
  readonly currentSection: Locator;
  readonly close: Locator;

  constructor(readonly root: Locator) {
    this.contents = root.getByTestId('lesson-contents');
    this.currentSection = root.locator('[data-testid="lesson-section"].current');
    this.close = root.getByTestId('lesson-close');
  }

  language(lang: 'en' | 'ru'): Locator {
    return this.root.getByTestId(`lesson-lang-${lang}`);
  }

  async switchTo(lang: 'en' | 'ru'): Promise<void> {
    await this.language(lang).click();
  }

  section(anchor: string): Locator {
    return this.root.locator(`[data-testid="lesson-section"][data-anchor="${anchor}"]`);
  }
}
