package desktop

import (
	"github.com/wailsapp/wails/v2/pkg/menu"
	"github.com/wailsapp/wails/v2/pkg/menu/keys"
)

// DocsURL is what Help > Documentation opens in the user's browser.
const DocsURL = "https://github.com/kubedeck/kubedeck#readme"

// menuActions are what the menu items do; the shell implements them.
type menuActions interface {
	quit()
	edit(command string) // "cut", "copy", "paste", "selectAll"
	reload()
	zoom(dir int) // +1 in, -1 out, 0 back to 100%
	setTheme(theme string)
	toggleFullscreen()
	openDocs()
	openLogFolder()
	about()
}

// buildMenu makes the application menu. On macOS the standard app and Edit
// menus come from Wails' roles (Quit, Hide, and the native Cut/Copy/Paste
// that WKWebView handles). Wails 2.9.2 has no menu roles on Linux and
// Windows, so there File has Quit and Edit has items that run the editing
// commands in the page. Those items have no accelerators on purpose: the
// webview already handles Ctrl+C/V/X/A natively, and a menu accelerator
// would take the keys away from it (a terminal in the page needs Ctrl+C;
// on Windows the key would be handled twice and pasted twice).
func buildMenu(goos string, theme string, a menuActions) *menu.Menu {
	m := menu.NewMenu()
	if goos == "darwin" {
		m.Append(menu.AppMenu())
		m.Append(menu.EditMenu())
	} else {
		file := m.AddSubmenu("File")
		file.AddText("Quit", keys.CmdOrCtrl("q"), func(*menu.CallbackData) { a.quit() })
		edit := m.AddSubmenu("Edit")
		edit.AddText("Cut", nil, func(*menu.CallbackData) { a.edit("cut") })
		edit.AddText("Copy", nil, func(*menu.CallbackData) { a.edit("copy") })
		edit.AddText("Paste", nil, func(*menu.CallbackData) { a.edit("paste") })
		edit.AddSeparator()
		edit.AddText("Select All", nil, func(*menu.CallbackData) { a.edit("selectAll") })
	}

	view := m.AddSubmenu("View")
	view.AddText("Reload", reloadKey(goos), func(*menu.CallbackData) { a.reload() })
	view.AddSeparator()
	view.AddText("Zoom In", keys.CmdOrCtrl("="), func(*menu.CallbackData) { a.zoom(+1) })
	view.AddText("Zoom Out", keys.CmdOrCtrl("-"), func(*menu.CallbackData) { a.zoom(-1) })
	view.AddText("Actual Size", keys.CmdOrCtrl("0"), func(*menu.CallbackData) { a.zoom(0) })
	view.AddSeparator()
	themes := view.AddSubmenu("Theme")
	for _, t := range []struct{ label, value string }{
		{"System", themeSystem}, {"Light", themeLight}, {"Dark", themeDark},
	} {
		value := t.value
		click := func(*menu.CallbackData) { a.setTheme(value) }
		if !menuUpdates(goos) {
			// A radio that could not follow the page's toggle would disagree
			// with it: plain items, the page shows the theme.
			themes.AddText(t.label, nil, click)
			continue
		}
		themes.AddRadio(t.label, theme == value, nil, click)
	}
	view.AddSeparator()
	fullscreen := keys.Key("f11")
	if goos == "darwin" {
		fullscreen = keys.Combo("f", keys.CmdOrCtrlKey, keys.ControlKey)
	}
	view.AddText("Toggle Full Screen", fullscreen, func(*menu.CallbackData) { a.toggleFullscreen() })

	if goos == "darwin" {
		m.Append(menu.WindowMenu())
	}
	help := m.AddSubmenu("Help")
	help.AddText("Documentation", nil, func(*menu.CallbackData) { a.openDocs() })
	help.AddText("Open Log Folder", nil, func(*menu.CallbackData) { a.openLogFolder() })
	help.AddSeparator()
	help.AddText("About Kubedeck", nil, func(*menu.CallbackData) { a.about() })
	return m
}

// reloadKey is Cmd+R on macOS. Elsewhere it is Ctrl+Shift+R: a menu
// accelerator takes its keys from the whole window, and Ctrl+R belongs to
// the shell in a terminal tab (reverse history search).
func reloadKey(goos string) *keys.Accelerator {
	if goos == "darwin" {
		return keys.CmdOrCtrl("r")
	}
	return keys.Combo("r", keys.CmdOrCtrlKey, keys.ShiftKey)
}

// menuUpdates tells whether Wails can change a menu item after the window
// opened. Wails 2.9.2 on Linux cannot: MenuUpdateApplicationMenu builds a new
// GTK menu bar it never shows and forgets the shown one's items, so a click
// there would find no item.
func menuUpdates(goos string) bool { return goos != "linux" }

// checkTheme marks the theme's radio item in m (View > Theme), and says
// whether anything changed.
func checkTheme(m *menu.Menu, theme string) bool {
	labels := map[string]string{"System": themeSystem, "Light": themeLight, "Dark": themeDark}
	changed := false
	for _, item := range m.Items {
		if item.SubMenu == nil {
			continue
		}
		if item.Label == "Theme" {
			for _, t := range item.SubMenu.Items {
				if on := labels[t.Label] == theme; t.Type == menu.RadioType && t.Checked != on {
					t.Checked, changed = on, true
				}
			}
			continue
		}
		if checkTheme(item.SubMenu, theme) {
			changed = true
		}
	}
	return changed
}
