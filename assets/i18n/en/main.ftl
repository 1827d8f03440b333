# Seller Self-Check — English

lang-name = English
app-title = Seller Self-Check
app-intro = Check your computer, network, camera and microphone before the real AliExpress video verification. Nothing leaves this computer except the speed-test data.

## Status
status-pass = Pass
status-warn = Warning
status-fail = Fail
status-skipped = Skipped
status-error = Not measured

## Verdict
verdict-ready = Ready to verify
verdict-warnings = Some items need attention
verdict-not-ready = Not ready: fix the red items first

## Check titles
title-camera-device = Camera
title-camera-resolution = Camera resolution
title-camera-frame-rate = Camera frame rate
title-camera-virtual = Virtual camera / beauty filter
title-image-lighting = Lighting
title-image-sharpness = Sharpness
title-image-glare = ID card glare
title-image-faces = People in view
title-audio-device = Microphone
title-audio-level = Speaking level
title-audio-noise = Background noise
title-audio-clipping = Distortion (clipping)
title-audio-digits = Reading 4 digits aloud
title-network-upload = Upload speed
title-network-latency = Network latency
title-network-proxy = Proxy
title-network-vpn = VPN / accelerator
title-system-remote-desktop = Remote-control software
title-system-virtual-machine = Virtual machine
title-system-time-of-day = Time of day
title-browser-version = Browser version
title-checklist-id-card-validity = ID card validity
title-checklist-phone-real-name = Real-name phone number
title-checklist-product-samples = Product samples
title-checklist-business-premises = Business premises

## General
advice-error-generic = This item could not be measured. Close other programs and check again; if it still fails, send the report to support.
skipped-no-network = Not measured: network use was turned off.
runner-panicked = Internal error while checking: { $reason }
runner-timeout = Stopped after { $seconds } s without a result.

## Time of day
tod-summary-day = It is { $time } where the reviewers work (China time; { $local } on this computer), outside the night window ({ $start }–{ $end }).
tod-summary-night = It is { $time } where the reviewers work (China time; { $local } on this computer), inside the night window ({ $start }–{ $end }).
tod-advice-night = At night fewer human reviewers work and automatic misjudgements are more common. Verify between { $end } and { $start } China time.
tod-bad-profile = The night window in the requirement profile is malformed.

## Virtual machine
vm-summary-guest = This computer is a virtual machine (evidence: { $signals }).
vm-summary-weak = Signs of a virtual machine: { $signals }.
vm-summary-physical = No sign of a virtual machine.
vm-summary-hyperv-host = A physical PC with Hyper-V / core isolation / WSL2 enabled; not a virtual machine.
vm-summary-unreadable = The facts needed to detect a virtual machine could not be read.
vm-advice = Virtual machines are rejected outright. Verify directly on a physical desktop or laptop, not inside a virtual machine or cloud PC.

## Remote control
rd-summary-none = No remote-control software or remote session found.
rd-summary-found = Remote-control software or session found: { $found }.
rd-advice = Remote-control environments are rejected outright. Quit ToDesk, TeamViewer, Sunlogin, AnyDesk and similar tools completely (including their tray services) and sit at this computer yourself.

## Proxy
proxy-summary-none = No proxy configured; the connection is direct.
proxy-summary-found = Proxy configured: { $list }.
proxy-summary-unreadable = These proxy settings could not be read: { $sources }.
proxy-advice = The verification needs a direct connection. Turn off the system and browser proxy, quit Clash, V2Ray and similar tools, then check again.
proxy-summary-extension = A proxy extension is installed in a browser: { $list }.
proxy-advice-extension = When a proxy extension is on, the browser uses its proxy whatever the system says. Before verifying, set the extension to "Direct" or turn it off in the browser's extension settings, then check the network again.

## VPN
vpn-summary-none = No VPN or accelerator found.
vpn-summary-route = Traffic goes through a VPN tunnel ({ $signals }).
vpn-summary-present = VPN adapter or software found: { $found }.
vpn-summary-unreadable = The routing table could not be read, so a VPN cannot be ruled out.
vpn-summary-exit = The connection leaves the internet in { $country }, not { $expected }: a VPN, accelerator or WARP may be on.
vpn-summary-warp = Cloudflare WARP is carrying your traffic.
vpn-summary-exit-unknown = The exit country could not be confirmed (the lookup site did not answer).
vpn-advice = Disconnect and quit every VPN, accelerator and tunnelling tool before verifying. Public Wi-Fi also raises the risk; use your home or office broadband.

## Latency
latency-summary = Median latency { $median } ms, jitter { $jitter } ms, { $failures } of { $attempts } attempts failed.
latency-summary-unreachable = The verification servers could not be reached ({ $reason }).
latency-advice = On an unsteady connection the video stutters, and one frame taking over 2 s counts as an interruption. Pause downloads and streaming on other devices and prefer a cable to the router.
latency-advice-unreachable = Make sure the computer is online and no firewall or security tool blocks the browser.

## Browser
browser-summary-ok = Supported browser installed: { $list }.
browser-summary-none = Neither Chrome nor Firefox was found.
browser-summary-old = Browser too old: { $list }.
browser-summary-unsearched = Installed browsers cannot be looked up on this system.
browser-summary-default-unsupported = A supported browser is installed ({ $list }), but the default browser is { $default }.
browser-advice-install = Install { $minimum } or newer and open the verification page in it.
browser-advice-update = Update the browser to { $minimum } or newer (browser menu → Help → About).
browser-advice-open-supported = When you open the verification from the seller back office, copy the link into Chrome or Firefox; do not use Edge, Safari, 360, QQ, Sogou or a phone.
browser-summary-fingerprint = A supported browser is installed ({ $list }), and so is a fingerprint browser: { $fingerprint }.
browser-advice-fingerprint = Open the verification link in Chrome or Firefox itself, not in { $fingerprint } or another multi-account browser: the page would see the computer that browser pretends to be, and the check fails.
browser-advice-old-windows = { $os } gets no Chrome newer than { $chrome_last }, which the page no longer accepts. Install Firefox ESR 115 (the last Firefox for { $os }), or move to Windows 10 or 11.

## Virtual camera
vcam-summary-none = No virtual camera or beauty filter found.
vcam-summary-default = The default camera is a virtual camera: { $name }.
vcam-summary-present = Virtual camera or beauty-filter software found: { $found }.
vcam-advice = The platform switches off all image enhancement; a beauty filter or virtual camera ends the verification. Quit OBS, beauty-camera apps and similar tools, and pick the real camera in the browser.
vcam-list-failed = The list of cameras could not be read ({ $reason }), so virtual cameras cannot be ruled out. Restart the computer, then run the check again; if it persists, open Device Manager and look under Cameras for devices with a warning sign.

## Checklist
checklist-not-confirmed = Not confirmed yet.
checklist-confirmed = Confirmed.
checklist-not-ready = Not met yet.
idcard-summary-ok = The ID card is valid until { $expiry }, { $months } months left.
idcard-summary-short = The ID card is valid until { $expiry }: only { $months } months left, fewer than { $min }.
idcard-summary-expired = The ID card expired on { $expiry }.
idcard-summary-long-term = The ID card is valid long-term.
idcard-advice = The ID card needs at least { $months } months of validity left or it may be rejected. Renew it at the police station first, then verify.
advice-checklist-phone-real-name = The bound phone number must have full (operator level-2) real-name registration, or the attempt is blocked. Ask your operator's hotline or shop.
advice-checklist-product-samples = During the room pan at least one product sample of your main category must be visible (e.g. a few phone cases on the desk for a phone-case shop).
advice-checklist-business-premises = Verify at your real business premises, not a café, co-working space or bedroom. A plain white wall is best, with nobody else and no logo posters in view.

## Report
report-title = Video verification self-check report
report-id = Report ID
report-verdict = Verdict
report-created = Created
report-version = Version
report-profile = Requirements
report-system = Computer
report-checks = Results
report-measured = Measured
report-threshold = Threshold
report-advice = Advice
advice-line = What to do: { $advice }
report-id-mismatch = Note: the report ID does not match the content; this report was edited after it was made.
report-privacy = This report holds only check results and basic facts about the computer (OS, CPU, camera and microphone names): no user name, computer name, network card address, IP address, photo or recording.
report-nothing-checked = Nothing has been checked yet: go through the steps on the left first.
report-skipped-note = { $count } checks were not done (skipped); the verdict covers only the checks that ran.
gui-include-identity = Include computer name, user name and network addresses (only if support asks)
gui-include-identity-why = Left out by default. When ticked, the saved or copied report carries them so support can look into a problem.
report-privacy-with-identity = This report holds check results and basic facts about the computer and, at your request, its computer name, user name and network addresses (under "Identifying details") to help support; no photo or recording. Send it only to the marketplace's support.
report-identity = Identifying details (included at your request)
identity-host-name = Computer name
identity-user-name = User name
report-text-identity = Identifying details included: computer { $host }, user { $user }, addresses of { $adapters } network adapters.
report-send = When you contact AliExpress support (category "Account and security"), give your seller ID, the report ID and this report. Verification is free; anyone charging to "verify for you" is a scam.
report-text-counts = { $pass } other checks passed, { $skipped } skipped.
system-os = Operating system
system-cpu = Processor
system-camera = Camera
system-microphone = Microphone
system-none-found = none found
system-not-used = not used
system-unreadable = could not be read ({ $reason })
system-not-responding = not responding (no answer within { $seconds } s)
system-mic-unavailable = { $name } (cannot be opened)
system-replayed = replayed from a recording ({ $name })

## App
gui-save-html = Save report (web page)
report-file-stem = selfcheck-report
gui-save-json = Save report (JSON)
gui-copy-text = Copy text summary
gui-copied = Summary copied; paste it into the support chat.
gui-saved = Report saved to { $path }
gui-cannot-start = The program window cannot open ({ $reason }). Open "视频验证自检助手 (compatibility mode)" from the Start menu; if that fails too, run "selfcheck check" in a terminal and send this text to support.
gui-crashed = The program hit an error and has to close: { $reason }. Please open it again; if this keeps happening, open "视频验证自检助手 (compatibility mode)" from the Start menu and send this text to support.

## Command line
cli-saved = Report saved: { $path } (ID { $id })
cli-error-profile = Cannot use the requirement profile: { $reason }
cli-error-no-app = This build has no window. Use selfcheck check and the other commands (selfcheck --help lists them).
cli-error-save = Cannot save the report to { $path }: { $reason }. Any earlier file is unchanged.
save-reason-with-detail = { $cause } ({ $detail })
save-reason-full = the disk is full; delete some files or choose another folder
save-reason-read-only = the folder is read-only (a disc or a write-protected USB stick); choose another folder
save-reason-denied = there is no permission to write there; choose another folder (such as Documents)
save-reason-missing = the folder does not exist
save-reason-is-folder = that is a folder; add a file name (such as report.html)
cli-error-read = Cannot read { $path }: { $reason }
cli-error-report-invalid = { $path } is not a valid self-check report: { $reason }
cli-error-unknown-ids = Unknown check ids: { $ids }. Known ids: { $known }
cli-error-not-runnable = These checks need the camera, microphone or a photo and cannot be run by the check command: { $ids }
cli-error-date = Unrecognised date "{ $value }": use the date printed on the card (2031-05-01, 2031.05.01 or 20310501), or long-term.
cli-error-bad-audio = Cannot analyse the recording { $path }: { $reason }
cli-error-bad-image = Cannot analyse the picture { $path }: { $reason }
cli-error-pan-fps = --fps must be a number of frames per second between 1 and 240.
cli-error-pan-empty = No pictures to judge in { $path }: put the pan's frames there as JPEG or PNG files, named in the order they were taken.
cli-error-pan-frame = Cannot judge the pan: the picture { $path } cannot be read ({ $reason }). Nothing was written.
cli-error-pan-size = Cannot judge the pan: the picture { $path } is { $size }, but the pan started at { $first }. All frames of a pan must come from one camera mode. Nothing was written.
cli-error-card = ID card box "{ $card }" is not valid: give x,y,width,height, wholly inside the picture ({ $w }×{ $h }).
bench-result = Full frame analysis: { $f720 } ms at 720p, { $f1080 } ms at 1080p; face detection at 720p: { $face } ms a look of the live camera, { $still } ms for a whole still picture, { $pan } ms a look of the 360° pan; following the mouth while reading digits: { $mouth } ms a frame. One thread; the face models' vector instructions: { $kernels ->
    [avx512] AVX-512
    [avx2] AVX2
   *[other] none (plain code)
}. A look is { $gmac } billion multiply-adds and this computer's face engine does at most { $rate } billion a second, so a look takes at least { $floor } ms here.
cli-error-record-seconds = Give a recording, or --record with 1 to 60 seconds to listen.

## Reading facts
probe-processes-unreadable = The list of running programs could not be read ({ $reason }).
probe-adapters-unreadable = The network adapters could not be read ({ $reason }).

## Upload
upload-summary = Sustained upload { $mbps } Mbit/s, at least { $p10 } Mbit/s most of the time, longest stall { $stall } s.
upload-summary-stall = One stall lasted { $stall } s (over { $max } s counts as a video interruption).
upload-summary-proxy = The test went through a proxy; a direct connection may differ.
upload-error-url = The speed-test address is not valid: { $url }
upload-error-connect = The speed-test server could not be reached ({ $detail }).
upload-summary-lost = The connection dropped during the test: nothing got through in the last { $stall } s (average over the test { $mbps } Mbit/s). In the real verification the video would cut out.
upload-advice-lost = Check that the cable or Wi-Fi is steady and the router stays online, turn off any VPN or accelerator, and check again; do not start the verification until the connection holds.
upload-error-dns = The speed-test server's name could not be resolved: DNS failed ({ $detail }).
latency-summary-dns = The verification servers' names could not be resolved: DNS failed ({ $reason }).
net-advice-dns = This computer cannot look up the servers' addresses: check that the cable or Wi-Fi is connected and web pages open; if you set a custom DNS server, switch back to automatic, or restart the router, then check again.
upload-error-status = The speed-test server refused the upload (HTTP { $code }); no trustworthy figure.
upload-error-nothing-sent = No data could be sent at all.
upload-error-no-answer = The speed-test server did not answer.
upload-error-other = The speed test failed ({ $detail }).
upload-advice-error = Make sure the computer is online and not blocked by a firewall, then test again.
upload-advice-slow = Upload is too slow; the video will blur or break off. Pause downloads, streaming and cloud sync on other devices, use a cable to the router, or try another network.
upload-advice-unsteady = The connection speeds up and slows down and may stall for over 2 s. Move closer to the router or use a cable, avoid public Wi-Fi, and pause other devices' traffic.

## Audio
audio-exact-silence = The recording is exact digital silence: the microphone is disabled, muted, or this program has no permission to use it.
audio-advice-blocked = Allow microphone access in the system's privacy settings, check the mute switch, and allow the microphone in the browser's address bar.
audio-level-ok = Speaking level is good.
audio-level-quiet = Speaking level is on the quiet side.
audio-level-too-quiet = Speech is too quiet; the digits may not be understood.
audio-level-no-speech = No speech was heard.
audio-advice-quiet = Move closer to the microphone (30–50 cm), speak a little louder than usual, and raise the input volume in the sound settings.
audio-noise-ok = The room is quiet; your voice stands well above the background.
audio-noise-noisy = The room is noisy; your voice is only a little louder than the background.
audio-noise-no-speech = Only room sound was recorded, no speech.
audio-advice-noise = Switch off fans, air conditioning, TV and music, close doors and windows, or move to a quieter room.
audio-clipping-none = No clipping.
audio-clipping-found = The sound clips (distorts) in { $runs } places.
audio-advice-clipping = The sound is so loud it distorts: move a little away from the microphone or lower its input volume.
digits-ok = Heard { $count } separate spoken words, about { $pace } s apart: a good pace. (The assistant counts the words; it does not check which digits you said.)
digits-none = No digits were heard.
digits-early = Reading started before the digits appeared; the platform treats that as reciting from memory.
digits-ran-together = The digits ran together ({ $count } stretches of continuous speech); lip movement will not match.
digits-too-few = Only { $count } separate spoken words were heard; { $expected } digits are needed.
digits-too-many = Heard { $count } stretches of speech, but only { $expected } digits are to be read.
digits-too-slow = Too slow: about { $pace } s per digit.
digits-too-fast = Too fast: about { $pace } s per digit.
digits-advice-none = When the digits appear, read them clearly towards the microphone.
digits-advice-fast = Wait until the digits appear, then read them one at a time with a short pause, about one per second.
digits-advice-complete = Read all 4 digits, say nothing else in between, and do not let anyone read for you.
digits-advice-slow = Take no more than 2 seconds per digit; read them in one go once they appear.

## Microphone
mic-ok = The microphone works: { $device } ({ $rate } Hz).
mic-none = No microphone was found.
mic-opening = Opening the microphone…
mic-cannot-open = The microphone cannot be opened: { $reason }
mic-no-data = The microphone opened but delivered no sound.
mic-stopped = The microphone stopped: no sound data has arrived for { $reason }.
mic-advice-stopped = It may have been unplugged, taken by another program, or its driver failed: plug it in again, close meeting or recording software, and check again.
mic-not-responding = The microphone gave no answer within { $seconds } s of being opened; its driver may be stuck.
mic-advice-none = Plug in a microphone or headset (laptops usually have one built in), then check again.
mic-advice-open = Close other programs that use the microphone (meeting or recording apps), allow microphone access in the system's privacy settings, then check again.

## Picture
image-region-face = The face
image-region-centre = The centre of the picture
light-ok = { $region } is well lit.
light-too-dark = The picture is too dark.
light-dark = The picture is on the dark side.
light-too-bright = The picture is too bright: { $over }% of it is washed out white.
light-bright = The picture is on the bright side: { $over }% of it is washed out white.
light-shadows = Much of the picture is nearly black ({ $under }%).
light-backlit = Backlit: the background is much brighter than the face, which will be hard to see.
light-uneven = Uneven light on the face: one side bright, the other dark.
light-advice = Sit facing a window or a lamp so the light falls on your face from the front; do not sit with a window behind you, switch off strong lights behind you, and turn on the room light if needed.
sharp-ok = { $region } is sharp.
sharp-soft = { $region } is a little soft.
sharp-blurred = { $region } is blurred; pictures below 720p are easily judged unclear.
sharp-advice = Wipe the camera lens, keep still, sit about 50 cm from the camera and add light.
glare-none = No glare on the ID card.
glare-found = Glare on the ID card: { $kinds }, about { $pct }% of the card ({ $regions } areas).
glare-card-blurred = The ID card is not sharp enough to read.
glare-card-not-seen = No card edges were seen in the box.
glare-advice = Glare is the most common reason for failing: hold the card in the air, never on a glass desk; tilt it slightly until the bright spots disappear, avoid lamps right above, and keep all four corners in view.
faces-one = Exactly one person in view.
faces-searching = Looking for people far off in the picture (about { $seconds } s more; keep the camera still)…
faces-none = No face was found in the picture.
faces-more = { $count } people are in view.
faces-advice-none = Face the camera with your whole face in the picture and enough light.
faces-advice-more = Only you may be in the picture: ask others to leave the camera's view, and take down posters with people or logos behind you.

## Camera
cam-ok = The camera works: { $name }.
cam-none = No camera was found.
cam-cannot-open = The camera cannot be opened: { $reason }
cam-lost = The camera disconnected: { $reason }
cam-no-frames = The camera opened but sent no pictures.
cam-advice-none = Connect a camera (laptops usually have one built in), make sure its switch or privacy shutter is open, then check again.
cam-advice-open = Close other programs that use the camera (meeting or beauty-filter apps), allow camera access in the system's privacy settings, replug it and check again.
cam-busy = The camera is in use by another program: { $reason }
cam-advice-busy = Close what is using the camera — a browser tab with the verification page or a video call, WeChat/QQ video, Tencent Meeting, DingTalk, a beauty-camera or streaming app — then check again. A camera serves one program at a time.
cam-denied = The system does not allow the camera to be opened: { $reason }
cam-advice-denied = In Windows Settings → Privacy & security → Camera, turn on "Camera access" and "Let desktop apps access your camera", then check again.
cam-res-ok = Delivered { $w }×{ $h }, meets { $mw }×{ $mh }.
cam-res-low = Only { $w }×{ $h } is delivered, below { $mw }×{ $mh } (720p); the picture is easily judged blurry.
cam-advice-res = Use a 720p or better camera (most USB HD webcams are) and plug a USB camera directly into the computer, not a hub.
cam-fps-ok = { $fps } frames per second, smooth.
cam-fps-low = Only { $fps } frames per second; the video will stutter.
cam-frozen = { $pct }% of frames repeat the one before (frozen picture).
cam-black = { $pct }% of frames are black.
cam-advice-fps = Close programs that load the computer, add light (cameras lower their frame rate in the dark), and do not connect a USB camera through a dock.

## 360° pan rehearsal
title-rehearsal-pan = 360° pan rehearsal
pan-ok = You panned for { $seconds } s and no face other than yours was found. The assistant finds faces turned towards the camera and not too far away; look around yourself as well, since the reviewer may see a person or a poster it missed.
pan-extra-person = At { $at } s into the pan a face other than yours came into view ({ $count } seen in all).
pan-too-short = The pan lasted only { $seconds } s; a full turn needs at least { $min } s.
pan-no-motion = The picture hardly moved: the camera does not seem to have turned.
pan-no-seller-at-start = Your face was not in the picture during the first { $seconds } s, so the assistant could not tell you apart from anyone else in the pan.
pan-advice-start-facing = Start the pan facing the camera, with your face in the picture, then turn slowly through a full circle and come back to face it.
pan-advice-extra-person = In the real verification, any face other than yours during the pan fails it, also one far behind you, and a face on a poster or photo counts like a person (neither the platform nor this assistant can tell them apart). Ask family or colleagues to leave the room, and put away or turn over posters and photos showing people.
pan-advice-near-face-mid-turn = In the middle of the turn a face as near to the camera as yours came into view and left again, and you came back only at the end: someone is standing close to the camera, behind or beside it. In the real verification that fails the pan; ask them to leave the room. If it was you (you turned more than one full circle), turn exactly once and stop when you face the camera again.
pan-advice-slow-full-turn = Pick up the camera (or the laptop) and turn slowly through a full circle so the reviewer sees the whole room, then come back to face it.
pan-not-full-circle = The camera did not go all the way round: the picture moved about { $percent } % of what even the widest webcam needs for a full circle (or it turned back the way it came), so part of the room was never in view.
pan-too-fast-for-far-faces = In places the picture moved too fast for far faces to be looked for: about { $percent } % of the turn (first at { $at } s) went past unchecked, so a person standing far back there could have been missed.
pan-too-smeared-for-far-faces = The turn smeared the picture (by up to about { $px } px): during about { $percent } % of the turn (first at { $at } s) a far face would have been blurred past recognition, so a person standing there could have been missed.
pan-advice-more-light = The smear is the turning speed times each picture's exposure, and a darker room means longer exposures. Turn on all the lights (in daytime, let the daylight in) first, then turn more slowly and evenly. A reviewer may still make out a person the assistant could not find in a smeared picture.
pan-smeared-now = The picture is smeared: more light, and turn more slowly
pan-advice-turn-slower = Turn more slowly and evenly, without jerks, all the way round. The real verification asks for a slow pan too, and a reviewer can spot a far person the assistant had no chance to look for. If this PC is busy, close other programs first.

## Wizard steps
step-welcome = Start
step-welcome-intro = This assistant walks you through everything the verification will use and lets you rehearse it. It takes about ten minutes, and any step can be skipped.
step-computer = Computer and network
step-computer-intro = Checks for virtual machines, remote-control tools, proxies, VPNs, the browser and network speed. The speed test uploads meaningless data to a speed-test server.
step-computer-what = Computer and network: virtual machine, remote control, proxy / VPN, browser version, upload speed and latency
step-camera = Camera
step-camera-intro = Choose the camera you will use for the verification. Detected faces are boxed in the picture; light, focus and the number of people are judged live below.
step-camera-what = Camera: resolution, frame rate, light, focus, people in view
step-id-card = ID card
step-id-card-intro = Hold your ID card at your chest inside the frame on the picture, the photo side together with your face. Red areas are glare, blue areas are shadow, orange circles are corners that cannot be seen: tilt the card slowly and hold it by the middle of its long edges until the marks disappear, then hold still for a moment. Both sides must pass.
step-id-card-what = ID card: glare and focus on the photo side and the emblem side
step-microphone = Microphone
step-microphone-intro = Choose the microphone, check that the level bar moves with your voice, then do a short speaking test.
step-microphone-what = Microphone: speaking level, background noise, distortion
step-digits = Digit rehearsal
step-digits-intro = In the verification, 4 random digits appear and you read them clearly at a normal pace. After pressing start, stay quiet until the digits appear, then read them.
step-digits-what = Digit rehearsal: were all 4 digits heard, was the pace right
step-pan = 360° pan rehearsal
step-pan-intro = The verification asks you to turn the camera around the room. Switch the room lights on first: in dim light the camera exposes each picture longer, a turning picture smears, and a far face in it can no longer be made out. Press start and turn slowly through a full circle; the assistant watches for anyone else in view.
step-pan-what = 360° pan rehearsal: did the camera really turn, did anyone else appear
step-checklist = Checklist
step-checklist-intro = The assistant cannot see these; please confirm each one.
step-checklist-what = Checklist: ID card expiry, phone real-name status, samples, business premises
step-report = Report
step-mark-todo = ○
step-mark-todo-hint = Not done yet
step-mark-pass = ✓
step-mark-pass-hint = Done, no problems
step-mark-warn = ！
step-mark-warn-hint = Done, with a warning
step-mark-fail = ✘
step-mark-fail-hint = A problem to fix before verifying
step-report-intro = These are the results so far. Steps you did not do show as "skipped". Customer support may ask you to send this report.

welcome-privacy = Privacy: camera pictures and sound are analysed on this computer only, never saved or uploaded; only the speed-test data is sent, to the speed-test server.
welcome-attempts = Prepare carefully: you have { $attempts } attempts a day, and when all fail the account is frozen for { $hours } hours.
welcome-prepare-title = Have these ready:
welcome-prepare-card = Your ID card itself: both the photo side and the emblem side are shown; wipe it clean and take it out of any sleeve.
welcome-prepare-room = A quiet, bright room: light from the front onto your face, and nobody else, no poster or photo behind you.
welcome-prepare-time = About 10 minutes, on the computer, camera and microphone you will verify with.
welcome-checks-title = What the assistant checks:
welcome-posture = The pose for the verification: face in the middle of the picture, ID card held flat at the chest with all four corners in view, fingers only on the middle of its long edges.
welcome-start = Start the self-check

computer-start = Start checking
computer-again = Check again
computer-progress = { $done } of { $total } done
computer-upload-now = Upload speed now: { $mbps } Mbit/s
computer-plot-seconds = seconds
computer-plot-needed = needed

camera-replay = Replaying pictures: { $path }
camera-virtual-mark = virtual camera
camera-listing = Looking for cameras…
camera-none = No camera found. Connect a camera, or allow this program to use the camera in the system settings.
camera-pick = Camera
camera-preview-alt = Live camera picture
camera-opening = Opening the camera…
camera-delivered = { $name }: { $width }×{ $height } at { $fps } frames per second (preview shows { $shown })

idcard-show-front = Hold the photo side of your ID card inside the frame
idcard-show-back = Hold the emblem side of your ID card inside the frame
idcard-side-front = Photo side
idcard-side-back = Emblem side
idcard-hold = Hold still…
idcard-done-front = ✓ Photo side sharp, all corners in view, no glare or shadow
idcard-done-back = ✓ Emblem side sharp, all corners in view, no glare or shadow
idcard-skip-front = Do the emblem side first
idcard-both-done = Both sides passed. Hold the card the same way in the verification.
idcard-not-turned = This is the side you have already shown. Turn the card over to show the other side.
idcard-again = Check the card again

mic-replay = Replaying a recording: { $path }
mic-default = System default microphone
mic-pick = Microphone
mic-device = { $name } ({ $rate } Hz)
mic-level = Level
mic-say-something = Say a few sentences normally…
mic-test-start = Start the speaking test
mic-test-again = Test again

digits-start = Start the rehearsal
digits-get-ready = Get ready… stay quiet for now
digits-countdown = The digits appear in { $seconds }…
digits-read-now = Read these digits aloud:
digits-listening = Listening…
digits-well-done = Well read — read them the same way in the verification.
digits-try-again = Practise again: press "Start the rehearsal".

pan-start = Start the pan
pan-finish = Finish the pan
pan-watching = Panning for { $seconds } s; other faces seen so far: { $others }
pan-keep-turning = Keep turning slowly: { $seconds } of at least { $min } s
pan-long-enough = Long enough — finish when you are facing the camera again
pan-turn-slower = Slower: far faces are not being checked at this speed

checklist-expiry = Validity period
checklist-long-term = Long-term (长期)
checklist-expiry-format = Type the validity period printed on the back of the card, e.g. 2016.05.01-2036.05.01 or 2016.05.01-长期.
checklist-yes = Yes
checklist-no = No
checklist-unanswered = Not answered

gui-step-not-done = This step has not been done yet.
gui-steps-done = { $done } of { $total } steps done
gui-back = Back
gui-next = Next
gui-skip = Skip this step
gui-report-now = Make the report now
gui-banner-pass = This step is fine; go on.
gui-banner-warn = Worth a look ({ $count }): { $titles }
gui-banner-fail = To fix before verifying ({ $count }): { $titles }
gui-folder-missing = The folder does not exist: { $path }. Choose a folder that exists.
gui-open-folder = Open folder
gui-open-folder-failed = Cannot open the folder { $path } ({ $reason }).

# Save dialog
dialog-save-title-html = Save the report as a web page
dialog-save-title-json = Save the report as JSON
dialog-folder = Folder
dialog-up = Up one folder
dialog-places = Places
dialog-subfolders = Folders here
dialog-no-subfolders = No folders here
dialog-cannot-open = Cannot open this folder ({ $reason }). Choose another one.
dialog-file-name = File name
dialog-name-invalid = Type a file name without / \ : * ? " < > |
dialog-save = Save
dialog-cancel = Cancel
dialog-exists = "{ $name }" is already in this folder. Replace it?
dialog-replace = Replace
place-documents = Documents
place-desktop = Desktop
place-downloads = Downloads
place-home = Home folder

## When a report is incomplete: how to do each check that was not done (app step or command)
verdict-incomplete = Incomplete: some key checks were not done, so it cannot say you are ready
report-missing-title = Key checks not done yet (needed before a verdict):
report-missing-fold = Key checks not done yet: { $count } (needed before a verdict)
howto-camera-device = Choose the camera in the app's "Camera" step, or run selfcheck check.
howto-camera-resolution = Open the picture in the app's "Camera" step, or run selfcheck check.
howto-camera-frame-rate = Open the picture in the app's "Camera" step, or run selfcheck check.
howto-camera-virtual = Choose the camera in the app's "Camera" step, or run selfcheck check.
howto-image-lighting = Sit in front of the camera in the app's "Camera" step, or run selfcheck analyze-image PHOTO.
howto-image-sharpness = Sit in front of the camera in the app's "Camera" step, or run selfcheck analyze-image PHOTO.
howto-image-glare = Hold the photo side, then the emblem side, in the frame in the app's "ID card" step, or run selfcheck analyze-image PHOTO --card x,y,w,h.
howto-image-faces = Sit in front of the camera in the app's "Camera" step, or run selfcheck analyze-image PHOTO.
howto-rehearsal-pan = Turn the camera slowly through a full circle in the app's "360° pan rehearsal" step.
howto-audio-device = Choose the microphone in the app's "Microphone" step, or run selfcheck check.
howto-audio-level = Do the speaking test in the app's "Microphone" step, or run selfcheck analyze-audio --record 5.
howto-audio-noise = Do the speaking test in the app's "Microphone" step, or run selfcheck analyze-audio --record 5.
howto-audio-clipping = Do the speaking test in the app's "Microphone" step, or run selfcheck analyze-audio --record 5.
howto-audio-digits = Read the digits once in the app's "Digit rehearsal" step, or run selfcheck analyze-audio RECORDING.wav.
howto-network-upload = Run the speed test in the app's "Computer and network" step, or run selfcheck check (without --no-network).
howto-network-latency = Run the speed test in the app's "Computer and network" step, or run selfcheck check (without --no-network).
howto-network-proxy = Run the app's "Computer and network" step, or selfcheck check.
howto-network-vpn = Run the app's "Computer and network" step, or selfcheck check.
howto-system-remote-desktop = Run the app's "Computer and network" step, or selfcheck check.
howto-system-virtual-machine = Run the app's "Computer and network" step, or selfcheck check.
howto-system-time-of-day = Run the app's "Computer and network" step, or selfcheck check.
howto-browser-version = Run the app's "Computer and network" step, or selfcheck check.
howto-checklist-id-card-validity = Enter the validity printed on the back of the ID card in the app's "Checklist" step, or run selfcheck check --id-expiry DATE.
howto-checklist-phone-real-name = Confirm it in the app's "Checklist" step.
howto-checklist-product-samples = Confirm it in the app's "Checklist" step.
howto-checklist-business-premises = Confirm it in the app's "Checklist" step.
cam-all-black = Every picture from "{ $name }" is black: the privacy shutter may be closed, or the lens is covered.
cam-advice-shutter = Open the camera's privacy shutter (some laptops have a switch on the side or a key for it), uncover the lens, and check again.
upload-summary-recovered = The first run stalled for { $stall } s (an interruption); after it recovered, a repeat ran without a stall: the link drops now and then and may do so during the verification.
source-measured = measured
source-replayed = replayed file
source-self-reported = seller's answer
report-replayed-both = Note: the camera and microphone results in this report come from recorded pictures and sound (replayed), not from this computer's camera and microphone.
report-replayed-camera = Note: the camera results in this report come from recorded pictures (replayed), not from this computer's camera.
report-replayed-mic = Note: the microphone results in this report come from recorded sound (replayed), not from this computer's microphone.
start-title = Before the real verification
start-flow = The real verification is an Alibaba Cloud identity page under { $domain }; it takes about { $min }–{ $max } minutes, and the result comes about { $wait } s after you submit.
start-attempts = You can try at most { $attempts } times a day; after { $attempts } failures the account is frozen for { $freeze } hours. Act on a verification notice within { $deadline } hours, or listing and withdrawals may be limited.
start-focus = During the verification, do not switch browser tabs or minimise the browser window: leaving the page counts as a failure.
start-reading = Read the digits yourself, with your lips and voice in step: more than { $offset } s apart fails.
start-premises = Verify at your real business premises, with at least { $samples } samples of your main product category in view during the pan.
start-if-failed = If it fails: take a screenshot of the error code on the page, make sure the connection is direct (proxy and VPN off), retry once in a Chrome incognito window, and then contact support with the screenshot.
start-id-photos = Support may ask for photos of your ID card: have JPG files of at most { $mb } MB each ready.
summary-title = Self-check reports: summary
summary-counts = { $reports } reports summarised; { $refused } files could not be used (reasons below).
summary-by-check = How often each check failed or warned (most frequent first)
summary-by-report = Each report
summary-refused = Files that could not be used
summary-refused-line = Not summarised: { $file }: { $reason }
summary-refused-missing = no such file or folder
summary-refused-unreadable = cannot be read ({ $reason })
summary-refused-too-big = larger than 16 MB: not a report this program wrote
summary-refused-invalid = not a valid self-check report ({ $reason })
summary-refused-edited = edited after it was made (the report ID does not match the content): not to be trusted
summary-saved = Summary saved: { $path }
summary-col-check = Check
summary-col-title = Name
summary-col-failed = Failed
summary-col-warned = Warned
summary-col-share = Share with a problem
summary-col-report-id = Report ID
summary-col-date = Date
summary-col-verdict = Verdict
summary-col-failed-checks = Failed checks
summary-col-warned-checks = Checks to note
summary-col-missing-checks = Key checks not done
summary-col-file = File
summary-col-refused-file = File not used
summary-col-reason = Reason
card-privacy = This picture holds no personal details (computer name, user name, network addresses), no photo and no recording.
card-privacy-with-identity = At your request the report holds the computer name, user name and network addresses (in the report file, not on this picture); no photo or recording.
card-more-in-report = Too many problems to fit: see the full report file for the rest.
gui-save-png = Save picture
gui-copy-png = Copy picture (paste it into a chat)
gui-copied-png = Picture copied: paste it into the support chat.
cli-error-card-picture = Could not draw the report picture: { $reason }
dialog-save-title-png = Save the report as a picture (for a chat)
checklist-expiry-hint = e.g. 2016.05.01-2036.05.01
title-image-card-corners = ID card corners
title-image-card-shadow = Shadow on the ID card
howto-image-card-corners = Hold the photo side, then the emblem side, in the frame in the app's "ID card" step, or run selfcheck analyze-image PHOTO --card x,y,w,h.
howto-image-card-shadow = Hold the photo side, then the emblem side, in the frame in the app's "ID card" step, or run selfcheck analyze-image PHOTO --card x,y,w,h.
list-separator = {", "}
card-no-box = No ID card position given, so this was not checked (command line: --card x,y,w,h).
card-advice-show-card = Hold the ID card so that it fills the frame on the picture, all four edges close to the frame lines.
glare-kind-specular = bright spots
glare-kind-sheen = washed-out areas where the print fades
glare-kind-hologram = rainbow flashes of the security print
glare-advice-sheen = A washed-out area is a lamp or window mirrored in the card: hold the card at another angle, or have the light come from in front and to the side rather than straight at the card.
glare-advice-hologram = The rainbow flash comes from the card's security print: turn the card slightly until the colours disappear.
corners-ok = All four corners are in the picture and uncovered.
corners-missing = { $count } corner(s) not fully visible: { $list }.
corner-why = { " " }({ $why })
corner-why-outside-picture = outside the picture
corner-why-covered = covered
corner-why-edge-not-found = this side cannot be seen
corner-top-left = top left
corner-top-right = top right
corner-bottom-right = bottom right
corner-bottom-left = bottom left
corners-advice-outside = All four corners must be visible: move the card towards the middle of the picture, or a little further from the camera.
corners-advice-covered = All four corners must be visible: hold the card by the middle of its long edges, never by a corner; a plain, darker background behind it makes its edges clear.
shadow-none = No shadow on the ID card.
shadow-found = A shadow covers about { $pct }% of the ID card, { $depth }% darker than its lit part.
shadow-advice = The card must be free of shadows: check whether your hand, phone or body blocks the light; have the light come from in front of you, hold the card only by its edges, and do not hold it in your own shadow.

idcard-side-not-shown = { $side } not checked yet: hold each side in the frame.
idcard-need-face = Your face must be in the picture with the photo side: hold the card at your chest, below your face.
idcard-front-first = Photo side first
idcard-face-not-seen = Your face is not in the picture.

# Windows privacy switches (camera / microphone)
privacy-camera-blocked = Windows privacy settings do not allow the camera: { $switch } is off, so the verification page cannot open the camera.
privacy-microphone-blocked = Windows privacy settings do not allow the microphone: { $switch } is off, so the verification page cannot hear you read the digits.
privacy-switch-machine = the switch for this whole computer
privacy-switch-user = "Let apps access"
privacy-switch-desktop-apps = "Let desktop apps access"
privacy-switch-browser = the switch of { $programs }
privacy-camera-advice = Open Settings → Privacy & security → Camera, turn on "Camera access", "Let apps access your camera" and "Let desktop apps access your camera" (and your browser in the list), then check again.
privacy-microphone-advice = Open Settings → Privacy & security → Microphone, turn on "Microphone access", "Let apps access your microphone" and "Let desktop apps access your microphone" (and your browser in the list), then check again.

# Lip sync (rehearsal.lip_sync)
title-rehearsal-lip-sync = Lips in time with the voice
howto-rehearsal-lip-sync = Read the digits once facing the camera in the app's "Digit rehearsal" step, or run selfcheck analyze-reading --frames FRAME_DIR --audio RECORDING.wav.
lip-ok = Voice and lips match: the voice comes { $seconds } s { $direction }; the platform allows up to { $max } s.
lip-offset-near = The voice comes { $seconds } s { $direction }, close to the platform's { $max } s limit.
lip-offset-over = The voice comes { $seconds } s { $direction }, more than the platform's { $max } s: the real verification would fail it as "reading out of sync".
lip-voice-late = after the lips
lip-voice-early = before the lips
lip-no-reading = No reading was heard, so the lips could not be compared.
lip-face-away = Your face was out of the picture for { $pct }% of the reading.
lip-mouth-still = A voice read the digits, but the mouth on camera was open during only { $pct }% of it: it looks as if the person on camera was not the one reading, or the mouth was covered.
lip-no-match = The voice does not match the mouth's movement on camera.
lip-advice-read = When the digits appear, face the camera and read them clearly one at a time.
lip-advice-face = Keep your whole face in the picture while reading: sit straight, an arm's length from the camera, and do not look down at a phone or paper.
lip-advice-mouth = You must read yourself, facing the camera: someone else reading for you fails as "person does not match the ID". Do not cover your mouth with a hand, a mask or a microphone.
lip-advice-timing = Start speaking once the digits appear and read them as you see them; do not recite from memory or wait long.
lip-advice-device = Every digit's sound came late by about the same time, which is usually a Bluetooth headset or some USB microphones. Use the computer's own microphone or a wired headset for the verification, then test again.
lip-advice-device-named = Every digit's sound came late by about the same time, most likely from the microphone "{ $device }" (Bluetooth headsets are the usual cause). Use the computer's own microphone or a wired headset for the verification, then test again.
cli-error-reading-empty = { $path } holds no pictures to judge: put the frames recorded during the reading there as JPEG or PNG, named in the order they were taken.
cli-error-reading-frame = Cannot judge the reading: the picture { $path } cannot be read ({ $reason }). No result was written.
cli-error-reading-size = Cannot judge the reading: the picture { $path } is { $size }, but the reading started at { $first }. All frames of one recording must come from the same camera mode. No result was written.
cli-error-reading-length = Picture and sound do not cover the same time: the frames last { $frames } s at the given frame rate, the recording { $audio } s, more than 1 s apart. Check --fps and that sound and picture started together. No result was written.
lip-no-camera = The camera gave no picture during the reading, so the lips could not be compared.
lip-advice-camera = Go back to the "Camera" step, make sure you can see yourself, then read the digits again.
card-details = Details for support
card-details-id = Check id: { $id }
card-details-measured = Measured:
card-details-threshold = Limits:
log-at = The error record (log) is at: { $path }
gui-open-log = Open the log folder
gui-open-log-hint = What went wrong is written here (no personal details). When support asks, send them selfcheck.log from it.
gui-open-report = Open the report
gui-open-its-folder = Open its folder
