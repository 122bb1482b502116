import { expect, expectAccessible, test, widgetReady } from './fixtures';

// The ring views drawn by the network kit (RingScene, RingNode, useNodeFocus): picking a node for
// the toolbar, drawing a partition, and axe, the same in each model.
const CASES = [
  { model: 'commit', route: 'commit?preset=commit&t=3000', pick: 2, name: 'P2', notPickable: 0 },
  {
    model: 'replication',
    route: 'replication?preset=lag&t=4000',
    pick: 1,
    name: 'R2',
    notPickable: 3,
  },
  {
    model: 'tokenring',
    route: 'tokenring?preset=steady&t=3000',
    pick: 3,
    name: 'N4',
    notPickable: -1,
  },
];

for (const c of CASES) {
  test(`${c.model}: a node is picked by click, moved to side B while drawing, and axe is clean`, async ({
    page,
  }) => {
    await page.goto(`./#/play/${c.route}`);
    await widgetReady(page);
    const node = (id: number) => page.locator(`.${c.model}-node[data-node="${id}"]`);
    const status = page.getByTestId(`${c.model}-status`);
    await expectAccessible(page);

    const picked = node(c.pick);
    if ((await picked.getAttribute('aria-pressed')) === 'true') await picked.click();
    await expect(picked).toHaveAttribute('aria-pressed', 'false');
    await picked.click();
    await expect(picked).toHaveAttribute('aria-pressed', 'true');
    await expect(picked).toHaveAttribute('aria-label', /Press Enter to unpick it/);
    await expect(picked.locator('.net-mark')).toHaveCount(1);
    if (c.notPickable >= 0) {
      await node(c.notPickable).click();
      await expect(node(c.notPickable)).toHaveAttribute('aria-pressed', 'false');
      await expect(picked).toHaveAttribute('aria-pressed', 'true');
    }

    await page.getByRole('button', { name: 'Partition…' }).click();
    await expect(status).toContainText('now empty');
    await expect(picked).toHaveAttribute('aria-pressed', 'false');
    await picked.focus();
    await page.keyboard.press('Enter');
    await expect(picked).toHaveAttribute('aria-pressed', 'true');
    await expect(status).toContainText(`(now ${c.name})`);
    await expect(picked).toHaveAttribute('aria-label', /on side B, press Enter to move it/);
    await expect(picked.locator('.net-label')).toContainText('→ B');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Cut the network' }).click();
    await expect(picked.locator('.net-label')).toContainText('side B');
    await expect(
      page.locator(`.${c.model}-main [aria-label*="Network partitioned"]`).first(),
    ).toBeAttached();
  });
}
