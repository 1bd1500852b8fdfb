Unicode true

####
## Kubedeck's Windows installer.
##
## `go tool wails build -platform windows/amd64 -nsis` (run by scripts/package.sh) writes wails_tools.nsh and
## tmp\MicrosoftEdgeWebview2Setup.exe beside this file, then runs makensis here with
## -DARG_WAILS_AMD64_BINARY=<the built .exe>. scripts/package.sh also writes version.nsh with the version from
## the git tag; without it, the version is wails.json's info.productVersion.
##
## What it does: installs kubedeck.exe into "Program Files\Kubedeck" (per machine, asks for admin rights),
## adds a Start-menu shortcut (and a desktop shortcut unless unticked), registers an uninstaller under
## "Apps & features", and, only when the Microsoft Edge WebView2 Runtime is missing, runs Microsoft's small
## WebView2 bootstrapper (embedded here) silently, which downloads and installs the runtime: that step needs
## internet access. Windows 11 and up-to-date Windows 10 already have the runtime.
## The uninstaller removes the program, its shortcuts, its registry entry and the webview's cache, and keeps
## the user's settings and clusters (%AppData%\kubedeck).
####
!include /NONFATAL "version.nsh"

!define INFO_PROJECTNAME        "kubedeck"
!define PRODUCT_EXECUTABLE      "kubedeck.exe"
!define UNINST_KEY_NAME         "Kubedeck"
!define REQUEST_EXECUTION_LEVEL "admin"
!define HOMEPAGE                "https://github.com/kubedeck/kubedeck"

!include "wails_tools.nsh"

!ifndef INFO_DISPLAYVERSION
    !define INFO_DISPLAYVERSION "${INFO_PRODUCTVERSION}"
!endif

# A Go binary shrinks to about a fifth with LZMA (zlib, NSIS' default, leaves a third).
SetCompressor /SOLID lzma
SetCompressorDictSize 64

# The version information for these two must consist of 4 numbers.
VIProductVersion "${INFO_PRODUCTVERSION}.0"
VIFileVersion    "${INFO_PRODUCTVERSION}.0"

VIAddVersionKey "CompanyName"     "${INFO_COMPANYNAME}"
VIAddVersionKey "FileDescription" "${INFO_PRODUCTNAME} Installer"
VIAddVersionKey "ProductVersion"  "${INFO_DISPLAYVERSION}"
VIAddVersionKey "FileVersion"     "${INFO_PRODUCTVERSION}"
VIAddVersionKey "LegalCopyright"  "${INFO_COPYRIGHT}"
VIAddVersionKey "ProductName"     "${INFO_PRODUCTNAME}"

# Enable HiDPI support. https://nsis.sourceforge.io/Reference/ManifestDPIAware
ManifestDPIAware true

!include "MUI2.nsh"

!define MUI_ICON   "..\icon.ico"
!define MUI_UNICON "..\icon.ico"
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "English"

## To sign the installer and the uninstaller (the path to the binary is in %1):
#!uninstfinalize 'signtool --file "%1"'
#!finalize 'signtool --file "%1"'

Name "${INFO_PRODUCTNAME}"
OutFile "..\..\bin\${INFO_PROJECTNAME}-${ARCH}-installer.exe"
InstallDir "$PROGRAMFILES64\${INFO_PRODUCTNAME}"
ShowInstDetails show
ShowUninstDetails show

Function .onInit
    !insertmacro wails.checkArchitecture
    # An upgrade goes where the previous version was installed.
    SetRegView 64
    ReadRegStr $0 HKLM "${UNINST_KEY}" "InstallLocation"
    ${If} $0 != ""
        StrCpy $INSTDIR $0
    ${EndIf}
FunctionEnd

Section "Kubedeck" SecApp
    SectionIn RO
    !insertmacro wails.setShellContext

    # Runs Microsoft's bootstrapper only when the WebView2 Runtime is missing.
    !insertmacro wails.webview2runtime

    SetOutPath $INSTDIR
    !insertmacro wails.files

    CreateShortcut "$SMPROGRAMS\${INFO_PRODUCTNAME}.lnk" "$INSTDIR\${PRODUCT_EXECUTABLE}"

    !insertmacro wails.associateFiles
    !insertmacro wails.associateCustomProtocols

    !insertmacro wails.writeUninstaller
    SetRegView 64
    WriteRegStr   HKLM "${UNINST_KEY}" "DisplayVersion"  "${INFO_DISPLAYVERSION}"
    WriteRegStr   HKLM "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
    WriteRegStr   HKLM "${UNINST_KEY}" "URLInfoAbout"    "${HOMEPAGE}"
    WriteRegStr   HKLM "${UNINST_KEY}" "HelpLink"        "${HOMEPAGE}#readme"
    WriteRegDWORD HKLM "${UNINST_KEY}" "NoModify" 1
    WriteRegDWORD HKLM "${UNINST_KEY}" "NoRepair" 1
SectionEnd

Section "Desktop shortcut" SecDesktop
    !insertmacro wails.setShellContext
    CreateShortcut "$DESKTOP\${INFO_PRODUCTNAME}.lnk" "$INSTDIR\${PRODUCT_EXECUTABLE}"
SectionEnd

Section "uninstall"
    !insertmacro wails.setShellContext

    Delete "$SMPROGRAMS\${INFO_PRODUCTNAME}.lnk"
    Delete "$DESKTOP\${INFO_PRODUCTNAME}.lnk"

    !insertmacro wails.unassociateFiles
    !insertmacro wails.unassociateCustomProtocols

    # Only our files, never "RMDir /r $INSTDIR": the folder may have been one the user already had.
    Delete "$INSTDIR\${PRODUCT_EXECUTABLE}"
    !insertmacro wails.deleteUninstaller
    RMDir "$INSTDIR"

    # The webview's cache (WebView2 user data folder, %AppData%\kubedeck.exe) of the user who uninstalls.
    # Settings and clusters in %AppData%\kubedeck stay.
    SetShellVarContext current
    RMDir /r "$AppData\${PRODUCT_EXECUTABLE}"
SectionEnd
