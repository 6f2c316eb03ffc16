// Help at hand: "?" or F1 opens the keyboard shortcuts sheet, generated from the action registry;
// Ctrl+K opens a command palette (cmdk) over the same actions; Getting started is offered once on
// the first start. The toolbar's Help menu and the native Help menu run the same actions.
import { Dialog, DropdownMenu } from 'radix-ui'
import { Command } from 'cmdk'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  actionLabel,
  formatShortcut,
  isEnabled,
  runAction,
  useAction,
  useActions,
  type Action,
  type ActionGroup
} from '../../shell/actions'
import { toast } from '../../components/Toaster'
import { msg } from '../../i18n/text'
import './strings'
import './help.css'

const GROUPS: ActionGroup[] = ['file', 'edit', 'view', 'board', 'help']
const OFFERED_KEY = 'qm.welcomeOffered'

type Open = 'shortcuts' | 'palette' | 'start' | null

function Keys({ shortcuts }: { shortcuts: string[] }) {
  return (
    <>
      {shortcuts.map((s, i) => (
        <span key={s}>
          {i > 0 && ' / '}
          <kbd>{formatShortcut(s)}</kbd>
        </span>
      ))}
    </>
  )
}

function byGroup(actions: Action[]): [ActionGroup, Action[]][] {
  const visible = actions.filter((a) => !a.hidden)
  return GROUPS.map((g) => [g, visible.filter((a) => a.group === g)] as [ActionGroup, Action[]]).filter(
    ([, list]) => list.length > 0
  )
}

// The sheet's and the palette's lists are components of their own, rendered only while their dialog
// is open: HelpHost rendered them (an i18next t() per action, twice) at every change of the action
// registry, which each view makes when it opens, and the window's first render.
function ShortcutGroups() {
  const { t } = useTranslation('help')
  const actions = useActions()
  return byGroup(actions).map(([g, list]) => (
    <section key={g} className="shortcut-group" aria-label={t(`group.${g}`)}>
      <h3>{t(`group.${g}`)}</h3>
      <dl className="shortcut-list">
        {list.map((a) => (
          <div key={a.id} style={{ display: 'contents' }}>
            <dt>{actionLabel(a)}</dt>
            <dd>
              {a.shortcuts?.length ? (
                <Keys shortcuts={a.shortcuts} />
              ) : (
                <span className="muted">{t('noKeys')}</span>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  ))
}

function PaletteGroups({ run }: { run: (a: Action) => void }) {
  const { t } = useTranslation('help')
  const actions = useActions()
  return byGroup(actions)
    .filter(([, list]) => list.some((a) => a.id !== 'palette'))
    .map(([g, list]) => (
      <Command.Group key={g} heading={t(`group.${g}`)}>
        {list
          .filter((a) => a.id !== 'palette')
          .map((a) => (
            <Command.Item
              key={a.id}
              value={`${actionLabel(a)} ${a.id}`}
              disabled={!isEnabled(a)}
              onSelect={() => run(a)}
            >
              <span>{actionLabel(a)}</span>
              {a.shortcuts?.length ? (
                <span className="muted">
                  <Keys shortcuts={a.shortcuts} />
                </span>
              ) : null}
            </Command.Item>
          ))}
      </Command.Group>
    ))
}

export function HelpHost() {
  const { t } = useTranslation('help')
  const [open, setOpen] = useState<Open>(null)

  useAction({
    id: 'shortcuts',
    label: 'help:shortcuts',
    group: 'help',
    shortcuts: ['F1', '?'],
    perform: () => setOpen('shortcuts')
  })
  useAction({
    id: 'palette',
    label: 'help:palette',
    group: 'help',
    shortcuts: ['Mod+K'],
    inTextFields: true,
    perform: () => setOpen('palette')
  })
  useAction({
    id: 'getting-started',
    label: 'help:gettingStarted',
    group: 'help',
    perform: () => setOpen('start')
  })

  // Offered once, on the first start: a toast that opens Getting started, never a blocking dialog.
  useEffect(() => {
    try {
      if (localStorage.getItem(OFFERED_KEY)) return
      localStorage.setItem(OFFERED_KEY, '1')
    } catch {
      return
    }
    toast({
      title: msg('help:welcomeOffer'),
      description: msg('help:welcomeOfferText'),
      kind: 'info',
      action: { label: msg('help:welcomeOpen'), run: () => setOpen('start') }
    })
  }, [])

  const close = (o: boolean) => !o && setOpen(null)
  const run = (a: Action) => {
    setOpen(null)
    // After the palette has closed and focus went back, as if the command was chosen from a menu.
    setTimeout(() => runAction(a.id, { source: 'palette' }), 0)
  }

  return (
    <>
      <Dialog.Root open={open === 'shortcuts'} onOpenChange={close}>
        <Dialog.Portal>
          <Dialog.Overlay className="dialog-overlay" />
          <Dialog.Content className="dialog-content shortcut-sheet">
            <Dialog.Title className="dialog-title">{t('shortcuts')}</Dialog.Title>
            <Dialog.Description className="dialog-text">{t('shortcutsIntro')}</Dialog.Description>
            <ShortcutGroups />
            <section className="shortcut-group" aria-label={t('boardKeys.title')}>
              <h3>{t('boardKeys.title')}</h3>
              <dl className="shortcut-list">
                {(
                  [
                    ['altLeftRight', ['Alt+ArrowLeft', 'Alt+ArrowRight']],
                    ['altUpDown', ['Alt+ArrowUp', 'Alt+ArrowDown']],
                    ['altShift', ['Alt+Shift+ArrowRight']],
                    ['space', ['Space']],
                    ['shiftDrop', ['Shift']]
                  ] as const
                ).map(([key, keys]) => (
                  <div key={key} style={{ display: 'contents' }}>
                    <dt>{t(`boardKeys.${key}`)}</dt>
                    <dd>
                      <Keys shortcuts={[...keys]} />
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
            <div className="dialog-actions">
              <Dialog.Close className="btn">{t('close')}</Dialog.Close>
            </div>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>

      <Command.Dialog
        open={open === 'palette'}
        onOpenChange={close}
        label={t('paletteLabel')}
        overlayClassName="dialog-overlay"
        contentClassName="dialog-content palette"
      >
        <Command.Input placeholder={t('palettePlaceholder')} aria-label={t('palettePlaceholder')} />
        <Command.List>
          <Command.Empty>{t('paletteEmpty')}</Command.Empty>
          <PaletteGroups run={run} />
        </Command.List>
      </Command.Dialog>

      <Dialog.Root open={open === 'start'} onOpenChange={close}>
        <Dialog.Portal>
          <Dialog.Overlay className="dialog-overlay" />
          <Dialog.Content className="dialog-content getting-started">
            <Dialog.Title className="dialog-title">{t('gettingStarted')}</Dialog.Title>
            <Dialog.Description className="sr-only">{t('welcomeOfferText')}</Dialog.Description>
            {(['plan', 'move', 'branch', 'import', 'export'] as const).map((k) => (
              <section key={k}>
                <h3>{t(`start.${k}`)}</h3>
                <p>{t(`start.${k}Text`)}</p>
              </section>
            ))}
            <div className="dialog-actions">
              <button type="button" className="btn" onClick={() => setOpen('shortcuts')}>
                {t('shortcuts')}
              </button>
              <Dialog.Close className="btn btn-primary">{t('close')}</Dialog.Close>
            </div>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    </>
  )
}

/** The toolbar's Help menu: shortcuts, palette, Getting started and About, each an action. */
export function HelpMenu() {
  const { t } = useTranslation('help')
  const actions = useActions()
  const items = ['shortcuts', 'palette', 'getting-started', 'about']
    .map((id) => actions.find((a) => a.id === id))
    .filter((a): a is Action => a !== undefined)
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className="btn btn-ghost">{t('menu')}</DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="help-menu" align="end" sideOffset={4}>
          {items.map((a) => (
            <DropdownMenu.Item key={a.id} className="help-menu-item" onSelect={() => runAction(a.id)}>
              {actionLabel(a)}
              {a.shortcuts?.length ? (
                <span className="muted" style={{ marginLeft: 'auto', paddingLeft: 16 }}>
                  {formatShortcut(a.shortcuts[0])}
                </span>
              ) : null}
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  )
}
