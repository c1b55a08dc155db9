/** The Exercises view: the list with each exercise's progress, and the exercise shown with its steps, hints and solution. */
import type { Locator } from '@playwright/test';

export class ExercisesPage {
  readonly list: Locator;
  readonly exercise: Locator;
  readonly hints: Locator;
  readonly solution: Locator;

  constructor(readonly root: Locator) {
    this.list = root.locator('.exercise-list');
    this.exercise = root.getByTestId('exercise');
    this.hints = this.exercise.getByTestId('exercise-hints');
    this.solution = this.exercise.getByTestId('exercise-solution');
  }

  item(id: string): Locator {
    return this.root.locator(`[data-testid="exercise-item"][data-exercise="${id}"]`);
  }

  step(id: string): Locator {
    return this.exercise.locator(`[data-testid="exercise-step"][data-step="${id}"]`);
  }

  stepState(id: string): Locator {
    return this.step(id).getByTestId('step-state');
  }

  explanation(id: string): Locator {
    return this.step(id).getByTestId('step-explanation');
  }
}
