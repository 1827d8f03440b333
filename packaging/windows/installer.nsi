; Installer for 视频验证自检助手 (Seller Self-Check): per-user install (no administrator
; prompt), Start-menu and desktop shortcuts, an uninstaller registered in "Apps".
; Built by packaging/build.sh windows:  makensis -DVERSION=x.y.z -DEXE=path -DOUT=path installer.nsi
Unicode true
; 64-bit like the program it installs (a 32-bit installer would need 32-bit Windows
; support that the program does not: it is x86-64 only).
Target amd64-unicode
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma

!include "MUI2.nsh"
!include "WinVer.nsh"
!include "FileFunc.nsh"

!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!define APP "视频验证自检助手"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\SellerSelfCheck"

Name "${APP}"
OutFile "${OUT}"
; The uninstaller is signed before it is packed into the installer (build.sh signs the rest).
!uninstfinalize 'bash sign.sh "%1"' = 0
InstallDir "$LOCALAPPDATA\Programs\SellerSelfCheck"
InstallDirRegKey HKCU "Software\SellerSelfCheck" "InstallDir"
BrandingText "Seller Self-Check ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=2052 "ProductName" "${APP}"
VIAddVersionKey /LANG=2052 "FileDescription" "${APP} 安装程序"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "LegalCopyright" "MIT OR Apache-2.0"

!define MUI_ICON "../../assets/icons/selfcheck.ico"
!define MUI_UNICON "../../assets/icons/selfcheck.ico"
!define MUI_FINISHPAGE_RUN "$INSTDIR\selfcheck.exe"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

LangString OldWindows 2052 "${APP} 需要 Windows 10 或更新的版本。这台电脑的 Windows 太旧：验证页面要求的 Chrome 110 也装不上。请在 Windows 10/11 电脑上检查和验证。"
LangString OldWindows 1033 "${APP} needs Windows 10 or later. This computer's Windows is too old: it cannot run the Chrome 110 the verification page requires either. Please check and verify on a Windows 10/11 computer."
LangString RemoveData 2052 "同时删除本程序的设置（语言、摄像头选择、报告文件夹）吗？已保存的报告不会删除。"
LangString RemoveData 1033 "Also remove the app's settings (language, chosen camera, report folder)? Saved reports are kept."
LangString Compatibility 2052 "兼容模式"
LangString Compatibility 1033 "compatibility mode"

; Before anything is written: Windows 10 or later (the app, and Chrome 110+, need it).
Function .onInit
  ; The language follows Windows; "/LANG=2052" (Chinese) or "/LANG=1033" (English) chooses it,
  ; e.g. for a silent install ("/S") that support scripts.
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/LANG=" $R1
  ${IfNot} ${Errors}
    StrCpy $LANGUAGE $R1
  ${EndIf}
  ${IfNot} ${AtLeastWin10}
    MessageBox MB_ICONSTOP "$(OldWindows)" /SD IDOK
    Abort
  ${EndIf}
FunctionEnd

; A running copy holds selfcheck.exe open: it is closed before the file is replaced.
!macro StopRunningCopy
  nsExec::Exec 'taskkill /F /IM selfcheck.exe'
  Pop $0
  Sleep 500
!macroend

Section "Install"
  !insertmacro StopRunningCopy
  SetOutPath "$INSTDIR"
  File "/oname=selfcheck.exe" "${EXE}"
  File "/oname=LICENSE-fonts.txt" "../../assets/fonts/LICENSE-wqy-microhei.txt"
  ; The face models are built into the program; their licences travel with it.
  File "/oname=LICENSE-face-detector.txt" "../../assets/models/LICENSE-libfacedetection-BSD-3-Clause.txt"
  File "/oname=LICENSE-face-mesh.txt" "../../assets/models/LICENSE-mediapipe-Apache-2.0.txt"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateDirectory "$SMPROGRAMS\${APP}"
  CreateShortcut "$SMPROGRAMS\${APP}\${APP}.lnk" "$INSTDIR\selfcheck.exe"
  ; Where the graphics driver makes the normal window fail: OpenGL instead of DirectX/Vulkan.
  CreateShortcut "$SMPROGRAMS\${APP}\${APP}（$(Compatibility)）.lnk" "$INSTDIR\selfcheck.exe" "--renderer glow"
  CreateShortcut "$SMPROGRAMS\${APP}\卸载 ${APP}.lnk" "$INSTDIR\uninstall.exe"
  CreateShortcut "$DESKTOP\${APP}.lnk" "$INSTDIR\selfcheck.exe"
  WriteRegStr HKCU "Software\SellerSelfCheck" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "Seller Self-Check"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\selfcheck.exe"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "Uninstall"
  !insertmacro StopRunningCopy
  Delete "$INSTDIR\selfcheck.exe"
  Delete "$INSTDIR\LICENSE-fonts.txt"
  Delete "$INSTDIR\LICENSE-face-detector.txt"
  Delete "$INSTDIR\LICENSE-face-mesh.txt"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  ; The folder is the app's alone; its entries were named in the installer's language,
  ; which need not be the uninstaller's.
  RMDir /r "$SMPROGRAMS\${APP}"
  Delete "$DESKTOP\${APP}.lnk"
  DeleteRegKey HKCU "${UNINST_KEY}"
  DeleteRegKey HKCU "Software\SellerSelfCheck"
  ; The app's settings (eframe keeps them under %APPDATA%\seller-selfcheck): on request only
  ; (a silent uninstall keeps them).
  MessageBox MB_YESNO|MB_ICONQUESTION "$(RemoveData)" /SD IDNO IDNO keep_settings
    RMDir /r "$APPDATA\seller-selfcheck"
  keep_settings:
SectionEnd
