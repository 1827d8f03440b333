# 视频验证自检助手 — 简体中文（默认语言）

lang-name = 中文
app-title = 视频验证自检助手
app-intro = 在正式进行速卖通视频验证之前，先检查电脑、网络、摄像头和麦克风。除测速数据外，任何内容都不会离开这台电脑。

## 状态
status-pass = 通过
status-warn = 警告
status-fail = 未通过
status-skipped = 已跳过
status-error = 无法检测

## 总结论
verdict-ready = 可以开始验证
verdict-warnings = 有需要注意的项目
verdict-not-ready = 未就绪：请先处理标红的项目

## 检查项名称
title-camera-device = 摄像头
title-camera-resolution = 摄像头分辨率
title-camera-frame-rate = 摄像头帧率
title-camera-virtual = 虚拟摄像头 / 美颜软件
title-image-lighting = 光线
title-image-sharpness = 清晰度
title-image-glare = 身份证反光
title-image-faces = 画面中的人数
title-audio-device = 麦克风
title-audio-level = 说话音量
title-audio-noise = 环境噪音
title-audio-clipping = 声音失真（爆音）
title-audio-digits = 朗读 4 位数字
title-network-upload = 上传速度
title-network-latency = 网络延迟
title-network-proxy = 代理
title-network-vpn = VPN / 加速器
title-system-remote-desktop = 远程控制软件
title-system-virtual-machine = 虚拟机
title-system-time-of-day = 验证时段
title-browser-version = 浏览器版本
title-checklist-id-card-validity = 身份证有效期
title-checklist-phone-real-name = 手机号实名认证
title-checklist-product-samples = 主营类目样品
title-checklist-business-premises = 实际经营场所

## 通用
advice-error-generic = 这一项没能测出来。请关闭其他程序后重新检查；如果仍然失败，请把报告发给客服。
skipped-no-network = 已按要求不使用网络，本项未检测。
runner-panicked = 检测过程中出现内部错误：{ $reason }
runner-timeout = 检测超过 { $seconds } 秒仍未完成，已停止。

## 验证时段
tod-summary-day = 审核人员所在地（北京时间）现在是 { $time }（你电脑上的时间 { $local }），不在夜间时段（{ $start }–{ $end }）。
tod-summary-night = 审核人员所在地（北京时间）现在是 { $time }（你电脑上的时间 { $local }），处于夜间时段（{ $start }–{ $end }）。
tod-advice-night = 夜间人工审核人员较少，机器误判更多。建议在北京时间 { $end } 到 { $start } 之间进行验证。
tod-bad-profile = 要求配置中的夜间时段格式不正确。

## 虚拟机
vm-summary-guest = 这台电脑是虚拟机（证据：{ $signals }）。
vm-summary-weak = 发现可能是虚拟机的迹象：{ $signals }。
vm-summary-physical = 未发现虚拟机迹象。
vm-summary-hyperv-host = 这是一台开启了 Hyper-V / 内核隔离 / WSL2 的实体电脑，不算虚拟机。
vm-summary-unreadable = 无法读取判断虚拟机所需的信息。
vm-advice = 平台会直接拒绝虚拟机。请在一台实体电脑（台式机或笔记本）上直接进行验证，不要在虚拟机或云电脑里操作。

## 远程控制
rd-summary-none = 未发现远程控制软件或远程会话。
rd-summary-found = 发现远程控制软件或远程会话：{ $found }。
rd-advice = 平台会直接拒绝远程控制环境。请完全退出 ToDesk、TeamViewer、向日葵、AnyDesk 等软件（包括托盘里的后台服务），并坐在这台电脑前亲自操作。

## 代理
proxy-summary-none = 未发现代理设置，网络为直连。
proxy-summary-found = 发现代理设置：{ $list }。
proxy-summary-unreadable = 无法读取以下代理设置：{ $sources }。
proxy-advice = 验证必须直连网络。请关闭系统代理和浏览器代理，退出 Clash、V2Ray 等软件，然后重新检查。
proxy-summary-extension = 浏览器里装有代理扩展：{ $list }。
proxy-advice-extension = 代理扩展打开时，浏览器会绕过系统设置走代理。验证前请在扩展里选“直接连接”（Direct），或在浏览器的扩展管理里把它停用，然后再检查网络。

## VPN
vpn-summary-none = 未发现 VPN 或加速器。
vpn-summary-route = 网络流量正经过 VPN 隧道（{ $signals }）。
vpn-summary-present = 发现 VPN 网卡或软件：{ $found }。
vpn-summary-unreadable = 无法读取路由表，无法确认流量是否经过 VPN。
vpn-summary-exit = 网络出口在 { $country }，不在 { $expected }：可能开着 VPN、加速器或 WARP。
vpn-summary-warp = Cloudflare WARP 正在转发你的网络流量。
vpn-summary-exit-unknown = 出口国家/地区无法确认（查询网站没有回应）。
vpn-advice = 验证前请断开并退出所有 VPN、加速器和“科学上网”软件，公共 Wi-Fi 也会增加风险，建议使用家里或公司的宽带。

## 网络延迟
latency-summary = 延迟中位数 { $median } 毫秒，抖动 { $jitter } 毫秒，{ $attempts } 次中失败 { $failures } 次。
latency-summary-unreachable = 无法连接到验证服务器（{ $reason }）。
latency-advice = 网络不稳定时视频容易卡顿，单帧超过 2 秒就算中断。请关闭正在下载或看视频的设备，尽量用网线连接路由器。
latency-advice-unreachable = 请确认电脑已联网，并且没有防火墙或安全软件拦截浏览器。

## 浏览器
browser-summary-ok = 已安装可用的浏览器：{ $list }。
browser-summary-none = 没有找到 Chrome 或 Firefox。
browser-summary-old = 浏览器版本过旧：{ $list }。
browser-summary-unsearched = 无法在这个系统上查找已安装的浏览器。
browser-summary-default-unsupported = 已安装可用的浏览器（{ $list }），但默认浏览器是 { $default }。
browser-advice-install = 请安装 { $minimum } 或更新版本，并用它打开验证页面。
browser-advice-update = 请把浏览器更新到 { $minimum } 或更新版本（浏览器菜单 → 帮助 → 关于）。
browser-advice-open-supported = 从卖家后台点进验证时，请复制链接到 Chrome 或 Firefox 中打开，不要用 Edge、Safari、360、QQ、搜狗等浏览器或手机。
browser-summary-fingerprint = 已安装可用的浏览器（{ $list }），同时装有指纹浏览器：{ $fingerprint }。
browser-advice-fingerprint = 请在 Chrome 或 Firefox 本身中打开验证链接，不要在 { $fingerprint } 等多账号（指纹）浏览器里打开：验证页面会看到它伪装的那台电脑，验证会失败。
browser-advice-old-windows = { $os } 上的 Chrome 最高只能到 { $chrome_last } 版，验证页面已不支持。请安装 Firefox ESR 115（{ $os } 能用的最后一版 Firefox），或升级到 Windows 10/11。

## 虚拟摄像头
vcam-summary-none = 未发现虚拟摄像头或美颜软件。
vcam-summary-default = 默认摄像头是虚拟摄像头：{ $name }。
vcam-summary-present = 发现虚拟摄像头或美颜软件：{ $found }。
vcam-advice = 平台会关闭所有画面增强，开着美颜或虚拟摄像头会直接终止验证。请退出 OBS、美颜相机等软件，在浏览器里选择真实的摄像头。
vcam-list-failed = 无法读取摄像头列表（{ $reason }），因此不能排除虚拟摄像头。请重启电脑后再检查一次；如果仍然如此，请打开“设备管理器”，看“照相机”下面是否有带警告标志的设备。

## 清单
checklist-not-confirmed = 还没有确认。
checklist-confirmed = 已确认。
checklist-not-ready = 尚未满足。
idcard-summary-ok = 身份证有效期至 { $expiry }，还剩 { $months } 个月。
idcard-summary-short = 身份证有效期至 { $expiry }，只剩 { $months } 个月，少于 { $min } 个月。
idcard-summary-expired = 身份证已于 { $expiry } 过期。
idcard-summary-long-term = 身份证为长期有效。
idcard-advice = 身份证剩余有效期需要至少 { $months } 个月，否则可能被拒绝。请先到派出所换领新证，再进行验证。
advice-checklist-phone-real-name = 绑定的手机号必须完成运营商二级实名认证，否则会被直接拦截。可以拨打运营商客服或在营业厅查询。
advice-checklist-product-samples = 环视拍摄时需要看到至少一件主营类目的实物样品（例如卖手机壳就在桌上摆几款手机壳）。
advice-checklist-business-premises = 请在实际经营场所进行验证，不要在咖啡馆、共享办公区或卧室。背景最好是干净的白墙，不要有其他人或带商标的海报。

## 报告
report-title = 视频验证自检报告
report-id = 报告编号
report-verdict = 结论
report-created = 生成时间
report-version = 版本
report-profile = 验证要求
report-system = 电脑信息
report-checks = 检查结果
report-measured = 测得
report-threshold = 标准
report-advice = 建议
advice-line = 建议：{ $advice }
report-id-mismatch = 注意：报告编号与内容不符，这份报告在生成后被修改过。
report-privacy = 本报告只包含检查结果和电脑的基本信息（系统、处理器、摄像头和麦克风名称），不包含用户名、电脑名、网卡地址、IP 地址、照片或录音。
report-nothing-checked = 还没有检查任何项目：请先完成左边的步骤。
report-skipped-note = 有 { $count } 项没有检查（已跳过），结论只根据已检查的项目得出。
gui-include-identity = 附上电脑名、用户名和网络地址（仅在客服要求时勾选）
gui-include-identity-why = 默认不放进报告。勾选后，保存或复制的报告会包含这些信息，方便客服排查问题。
report-privacy-with-identity = 本报告包含检查结果和电脑的基本信息，并应您的要求附上了电脑名、用户名和网络地址（见“识别信息”），方便客服排查；不包含照片或录音。只发给平台客服。
report-identity = 识别信息（您选择附上的）
identity-host-name = 电脑名
identity-user-name = 用户名
report-text-identity = 已附上识别信息：电脑名 { $host }，用户名 { $user }，{ $adapters } 个网卡的地址。
report-send = 联系速卖通客服时（选择“账号与安全”），请提供卖家 ID、报告编号和这份报告。验证是免费的，任何收费“代验证”都是诈骗。
report-text-counts = 其余 { $pass } 项通过，{ $skipped } 项跳过。
system-os = 操作系统
system-cpu = 处理器
system-camera = 摄像头
system-microphone = 麦克风
system-none-found = 未找到
system-not-used = 未使用
system-unreadable = 无法读取（{ $reason }）
system-not-responding = 无响应（{ $seconds } 秒内没有回应）
system-mic-unavailable = { $name }（无法打开）
system-replayed = 回放的录制文件（{ $name }）

## 图形界面
gui-save-html = 保存报告（网页）
report-file-stem = 视频验证自检报告
gui-save-json = 保存报告（JSON）
gui-copy-text = 复制文字摘要
gui-copied = 摘要已复制，可以直接粘贴给客服。
gui-saved = 报告已保存到 { $path }
gui-cannot-start = 无法打开程序窗口（{ $reason }）。请从开始菜单打开“视频验证自检助手（兼容模式）”；如果还是不行，可以在命令行中运行 “selfcheck check” 进行检查，并把这段文字发给客服。
gui-crashed = 程序出错，需要关闭：{ $reason }。请重新打开；如果反复出现，请从开始菜单打开“视频验证自检助手（兼容模式）”，并把这段文字发给客服。

## 命令行
cli-saved = 报告已保存：{ $path }（编号 { $id }）
cli-error-profile = 无法使用要求配置：{ $reason }
cli-error-no-app = 这个版本没有图形界面。请使用 selfcheck check 等命令（selfcheck --help 查看全部）。
cli-error-save = 无法保存报告到 { $path }：{ $reason }。之前的文件没有被改动。
save-reason-with-detail = { $cause }（{ $detail }）
save-reason-full = 磁盘空间已满，请先删除一些文件或换一个文件夹
save-reason-read-only = 这个文件夹是只读的（例如光盘或写保护的U盘），请换一个文件夹
save-reason-denied = 没有写入这个文件夹的权限，请换一个文件夹（例如“文档”）
save-reason-missing = 这个文件夹不存在
save-reason-is-folder = 这是一个文件夹，请在后面加上文件名（例如 report.html）
cli-error-read = 无法读取 { $path }：{ $reason }
cli-error-report-invalid = { $path } 不是有效的自检报告：{ $reason }
cli-error-unknown-ids = 未知的检查项：{ $ids }。可用的检查项：{ $known }
cli-error-not-runnable = 这些检查项需要摄像头、麦克风或照片，不能由 check 命令单独运行：{ $ids }
cli-error-date = 无法识别的日期 “{ $value }”，请按证件背面印的日期填写（如 2031-05-01、2031.05.01 或 20310501），或填写 long-term（长期）。
cli-error-bad-audio = 无法分析录音 { $path }：{ $reason }
cli-error-bad-image = 无法分析图片 { $path }：{ $reason }
cli-error-pan-fps = --fps 必须是 1 到 240 之间的每秒帧数。
cli-error-pan-empty = { $path } 里没有可判断的图片：请把环视录像的各帧按拍摄顺序命名，存成 JPEG 或 PNG 放进去。
cli-error-pan-frame = 无法判断环视：图片 { $path } 读不出来（{ $reason }）。没有写出任何结果。
cli-error-pan-size = 无法判断环视：图片 { $path } 的尺寸是 { $size }，而环视开始时是 { $first }。同一段环视的所有帧必须来自同一种摄像头模式。没有写出任何结果。
cli-error-card = 身份证位置 “{ $card }” 无效：需要 x,y,宽,高，并且整个框要在图片（{ $w }×{ $h }）之内。
bench-result = 每帧完整分析：720P { $f720 } 毫秒，1080P { $f1080 } 毫秒；人脸检测（720P）：实时画面每次 { $face } 毫秒，整张静态图片 { $still } 毫秒，360° 环视每次 { $pan } 毫秒；读数字时跟踪嘴型：每帧 { $mouth } 毫秒。单线程；人脸模型使用的向量指令：{ $kernels ->
    [avx512] AVX-512
    [avx2] AVX2
   *[other] 无（普通代码）
}。一次人脸检测约 { $gmac } 十亿次乘加运算，本机人脸引擎每秒最多 { $rate } 十亿次，所以在这台电脑上每次至少需要 { $floor } 毫秒。
cli-error-record-seconds = 请给出录音文件，或用 --record 指定 1 到 60 秒的录音时长。

## 读取信息
probe-processes-unreadable = 无法读取正在运行的程序列表（{ $reason }）。
probe-adapters-unreadable = 无法读取网卡列表（{ $reason }）。

## 上传速度
upload-summary = 持续上传速度 { $mbps } Mbit/s，大部分时间不低于 { $p10 } Mbit/s，最长卡顿 { $stall } 秒。
upload-summary-stall = 有一次卡顿持续了 { $stall } 秒（超过 { $max } 秒就算视频中断）。
upload-summary-proxy = 本次测速经过了代理，数字可能与直连不同。
upload-error-url = 测速地址无效：{ $url }
upload-error-connect = 无法连接测速服务器（{ $detail }）。
upload-summary-lost = 测速中途网络断开了，最后 { $stall } 秒一直没有数据传出去（整个测速期间平均 { $mbps } Mbit/s）。真实验证时这会让视频中断。
upload-advice-lost = 请检查网线或 Wi-Fi 是否稳定、路由器是否掉线，关闭 VPN 或加速器后重新检查；网络恢复稳定前不要开始验证。
upload-error-dns = 无法解析测速服务器的地址，域名解析（DNS）失败（{ $detail }）。
latency-summary-dns = 无法解析验证服务器的地址，域名解析（DNS）失败（{ $reason }）。
net-advice-dns = 电脑查不到服务器的地址：请确认网线或 Wi-Fi 已连接、能打开网页；如果设置过自定义 DNS，请改回自动获取，或重启路由器后再检查。
upload-error-status = 测速服务器拒绝了上传（HTTP { $code }），无法得到可信的速度。
upload-error-nothing-sent = 一点数据都没有发出去。
upload-error-no-answer = 测速服务器没有回应。
upload-error-other = 测速失败（{ $detail }）。
upload-advice-error = 请确认电脑已联网、没有被防火墙拦截，然后重新测速。
upload-advice-slow = 上传太慢，视频会模糊或中断。请暂停其他设备的下载、看视频和云盘同步，用网线连接路由器，或换一个网络。
upload-advice-unsteady = 网络时快时慢，可能出现超过 2 秒的卡顿。请靠近路由器或改用网线，避开公共 Wi-Fi，并暂停其他设备的网络占用。

## 声音
audio-exact-silence = 录到的声音完全是零：麦克风被禁用、静音，或程序没有麦克风权限。
audio-advice-blocked = 请在系统设置的“隐私 → 麦克风”中允许访问，检查麦克风静音开关，并在浏览器地址栏左侧允许使用麦克风。
audio-level-ok = 说话音量合适。
audio-level-quiet = 说话声音偏小。
audio-level-too-quiet = 说话声音太小，系统可能听不清数字。
audio-level-no-speech = 没有听到说话声。
audio-advice-quiet = 请靠近麦克风（约 30–50 厘米），用正常偏大的声音说话，并在系统声音设置中调高麦克风音量。
audio-noise-ok = 环境安静，人声清楚地盖过了背景声。
audio-noise-noisy = 环境比较吵，人声只比背景声大一点。
audio-noise-no-speech = 只录到环境声，没有人声。
audio-advice-noise = 请关掉风扇、空调、电视和音乐，关上门窗，或换到更安静的房间。
audio-clipping-none = 没有爆音。
audio-clipping-found = 声音有 { $runs } 处爆音（失真）。
audio-advice-clipping = 声音太大导致失真：请离麦克风远一点，或在系统声音设置中调低麦克风音量。
digits-ok = 听到 { $count } 段分开的读数声，间隔约 { $pace } 秒，节奏合适。（助手只数声音的段数，不核对读的是哪几个数字。）
digits-none = 没有听到数字。
digits-early = 数字出现之前就开始读了，系统会判为提前背诵。
digits-ran-together = 数字连在一起读了（听到 { $count } 段连续的声音），系统会对不上口型。
digits-too-few = 只听到 { $count } 段读数声，需要读 { $expected } 个数字。
digits-too-many = 听到 { $count } 段声音，但只需要读 { $expected } 个数字。
digits-too-slow = 读得太慢：每个数字约 { $pace } 秒。
digits-too-fast = 读得太快：每个数字约 { $pace } 秒。
digits-advice-none = 数字出现后，请对着麦克风清楚地读出来。
digits-advice-fast = 请等数字出现后再读，一个一个读，每个数字之间稍停一下，大约一秒一个。
digits-advice-complete = 请把 4 个数字完整读出来，中间不要说别的话，也不要让别人帮你读。
digits-advice-slow = 每个数字不要超过 2 秒，看到数字后连贯地读完。

## 麦克风
mic-ok = 麦克风正常：{ $device }（{ $rate } Hz）。
mic-none = 没有找到麦克风。
mic-opening = 正在打开麦克风…
mic-cannot-open = 麦克风无法打开：{ $reason }
mic-no-data = 麦克风打开了，但一直没有声音数据。
mic-stopped = 麦克风中途停止了，已有 { $reason } 没有收到任何声音数据。
mic-advice-stopped = 麦克风可能被拔出、被其他程序占用或驱动出错：请重新插好麦克风，关闭会议或录音软件，然后重新检查。
mic-not-responding = 打开麦克风 { $seconds } 秒都没有回应，声卡驱动可能卡住了。
mic-advice-none = 请插好麦克风或耳机（笔记本一般自带麦克风），然后重新检查。
mic-advice-open = 请关闭正在使用麦克风的其他程序（会议软件、录音软件），在系统隐私设置中允许访问麦克风，然后重新检查。

## 画面
image-region-face = 脸部
image-region-centre = 画面中央
light-ok = { $region }亮度合适。
light-too-dark = 画面太暗。
light-dark = 画面偏暗。
light-too-bright = 画面过亮，{ $over }% 的地方亮成了一片白。
light-bright = 画面偏亮，{ $over }% 的地方亮成了一片白。
light-shadows = 画面里有不少几乎全黑的地方（{ $under }%）。
light-backlit = 逆光：背景比脸亮很多，脸会看不清。
light-uneven = 脸部光线不均匀：一边亮一边暗。
light-advice = 请面向窗户或台灯坐，让光从正前方照在脸上；不要背对窗户，关掉身后的强光，必要时打开房间主灯。
sharp-ok = { $region }清晰。
sharp-soft = { $region }有点模糊。
sharp-blurred = { $region }模糊，低于 720P 的画面容易被判为不清晰。
sharp-advice = 请擦干净摄像头镜头，保持身体和手稳定，离摄像头 50 厘米左右，并让光线更充足。
glare-none = 身份证上没有反光。
glare-found = 身份证上有反光：{ $kinds }，约占卡面的 { $pct }%（{ $regions } 处）。
glare-card-blurred = 身份证不够清晰，文字可能无法识别。
glare-card-not-seen = 框里没有看到证件的边缘。
glare-advice = 反光是验证失败的头号原因：请手持身份证悬空，不要放在玻璃桌面上；稍微倾斜卡片让亮斑消失，避开正上方的灯，让四个角都在画面里。
faces-one = 画面中只有一个人。
faces-searching = 正在查找画面里远处的人（还需约 { $seconds } 秒，请保持摄像头不动）…
faces-none = 画面中没有检测到人脸。
faces-more = 画面中检测到 { $count } 个人。
faces-advice-none = 请正对摄像头，脸部完整出现在画面中，光线不要太暗。
faces-advice-more = 验证时画面里只能有你一个人：请让其他人离开镜头范围，并取下背景中有人像或商标的海报。

## 摄像头
cam-ok = 摄像头正常：{ $name }。
cam-none = 没有找到摄像头。
cam-cannot-open = 摄像头无法打开：{ $reason }
cam-lost = 摄像头中途断开：{ $reason }
cam-no-frames = 摄像头打开了，但没有传来画面。
cam-advice-none = 请接上摄像头（笔记本一般自带），确认摄像头开关或遮挡片已打开，然后重新检查。
cam-advice-open = 请关闭正在使用摄像头的其他程序（会议软件、美颜软件），在系统隐私设置中允许访问摄像头，重新插拔后再检查。
cam-busy = 摄像头正被其他程序占用：{ $reason }
cam-advice-busy = 请关掉正在用摄像头的程序：打开着验证页面或视频通话的浏览器标签页、微信/QQ 视频、腾讯会议、钉钉、美颜相机、直播软件，然后再检查。摄像头同一时间只能给一个程序用。
cam-denied = 系统不允许打开摄像头：{ $reason }
cam-advice-denied = 请在 Windows 设置 → 隐私和安全性 → 摄像头 中打开“摄像头访问”和“允许桌面应用访问摄像头”，然后再检查。
cam-res-ok = 实际画面 { $w }×{ $h }，达到 { $mw }×{ $mh }。
cam-res-low = 实际画面只有 { $w }×{ $h }，低于 { $mw }×{ $mh }（720P），容易被判为“模糊”。
cam-advice-res = 请换用 720P 或更高的摄像头（多数 USB 高清摄像头都支持），USB 摄像头请直接插在电脑上，不要经过集线器。
cam-fps-ok = 每秒 { $fps } 帧，画面流畅。
cam-fps-low = 每秒只有 { $fps } 帧，画面会卡。
cam-frozen = { $pct }% 的画面是重复的（画面卡住）。
cam-black = { $pct }% 的画面是黑的。
cam-advice-fps = 请关闭占用电脑的其他程序，把房间弄亮一些（暗光下摄像头会自动降低帧率），USB 摄像头不要接在扩展坞上。

## 360° 环视演练
title-rehearsal-pan = 360° 环视演练
pan-ok = 环视了 { $seconds } 秒，没有发现你以外的人脸。助手能发现面向镜头、距离不太远的人脸；请你自己也环顾一下，审核人员可能看到助手漏掉的人或海报。
pan-extra-person = 环视到第 { $at } 秒时，画面里出现了你以外的人脸（共看到 { $count } 个）。
pan-too-short = 环视只持续了 { $seconds } 秒，至少需要 { $min } 秒才能转完一圈。
pan-no-motion = 画面几乎没有移动，看起来摄像头没有转动。
pan-no-seller-at-start = 开始后的 { $seconds } 秒内画面里没有你的脸，助手无法在环视中把你和其他人区分开。
pan-advice-start-facing = 开始环视时先正对摄像头、让自己的脸出现在画面里，然后慢慢转一整圈，最后回到正面。
pan-advice-extra-person = 正式验证时，环视过程中出现你以外的任何人脸都会导致失败，远处的人也算；海报或照片上的人脸和真人一样算（平台和本助手都无法区分）。请先让家人或同事离开房间，并把带人像的海报、照片收起来或翻过去。
pan-advice-near-face-mid-turn = 转到一半时，画面里出现了一张和你离镜头一样近的脸，随后又离开，而你自己在转完时才回到画面：说明有人站在镜头附近（后方或旁边）。正式验证时这会导致环视失败，请让对方离开房间。如果那其实是你自己（你转了不止一圈），请只转一整圈，回到正对镜头时就停下。
pan-advice-slow-full-turn = 请拿起摄像头（或笔记本电脑）慢慢转一整圈，让审核人员看清整个房间，然后再回到正面。
pan-not-full-circle = 摄像头没有转满一圈：画面移动的距离只有转一整圈（按最广角的摄像头算）所需的约 { $percent }%（或者中途往回转了），房间有一部分没有拍到。
pan-too-fast-for-far-faces = 有些地方画面移动太快，来不及查找远处的人脸：约 { $percent }% 的环视（最早在第 { $at } 秒）没有查到，站在那里远处的人可能被漏掉。
pan-too-smeared-for-far-faces = 转动时画面拖影太长（最长约 { $px } 像素）：约 { $percent }% 的环视（最早在第 { $at } 秒）画面糊得看不出远处的人脸，站在那里的人可能被漏掉。
pan-advice-more-light = 拖影的长度等于转动速度乘以每张画面的曝光时间，房间暗时曝光更久。请先把房间的灯全部打开（白天也可以让窗外的光照进来），再转得更慢、更均匀。审核人员可能看清助手在糊掉的画面里没能查到的人。
pan-smeared-now = 画面拖影：请把灯开亮一些，再转慢一点
pan-advice-turn-slower = 请转得更慢、更均匀，不要突然加快，一直转完一整圈。真实认证也要求慢慢环视，审核人员能看到助手来不及查找的远处的人。如果电脑很忙，请先关闭其他程序。

## 向导步骤
step-welcome = 开始
step-welcome-intro = 这个助手会一步步带你检查验证时会用到的一切，并让你提前演练。大约需要十分钟，每一步都可以跳过。
step-computer = 电脑和网络
step-computer-intro = 检查虚拟机、远程控制软件、代理、VPN、浏览器和网络速度。测速时会向测速服务器上传一段无意义的数据。
step-computer-what = 电脑和网络：虚拟机、远程控制、代理 / VPN、浏览器版本、上传速度和延迟
step-camera = 摄像头
step-camera-intro = 选择验证时要用的摄像头。画面中会框出检测到的人脸，下面实时显示光线、清晰度和人数。
step-camera-what = 摄像头：分辨率、帧率、光线、清晰度、画面中的人数
step-id-card = 身份证
step-id-card-intro = 把身份证举在胸前、放进画面中的框里，人像面要和你的脸一起入镜。红色区域是反光，蓝色区域是阴影，橙色圆圈是看不到的角：慢慢倾斜证件、手指只捏住长边中间，直到这些标记消失并保持一会儿。人像面和国徽面都要通过。
step-id-card-what = 身份证：人像面和国徽面是否反光、是否清晰
step-microphone = 麦克风
step-microphone-intro = 选择麦克风，看看音量条是否随你的声音跳动，然后做一次简短的说话测试。
step-microphone-what = 麦克风：说话音量、环境噪音、爆音
step-digits = 朗读数字演练
step-digits-intro = 正式验证时，屏幕上会出现 4 个随机数字，需要你清楚地按正常语速读出来。按下开始后先保持安静，数字出现后再读。
step-digits-what = 朗读数字演练：是否 4 个数字都读到了、语速是否合适
step-pan = 360° 环视演练
step-pan-intro = 正式验证时需要拿着摄像头环视房间一圈。请先把房间的灯打开：光线暗时摄像头每张画面曝光更久，转动时画面会拖影，远处的人脸就看不出来了。按开始后慢慢转一整圈，助手会留意画面中是否出现其他人。
step-pan-what = 360° 环视演练：是否真正转了一圈、是否有其他人入镜
step-checklist = 准备清单
step-checklist-intro = 这些项目助手看不到，请你逐一确认。
step-checklist-what = 准备清单：身份证有效期、手机实名、样品、经营场所
step-report = 报告
step-mark-todo = ○
step-mark-todo-hint = 还没做
step-mark-pass = ✓
step-mark-pass-hint = 已完成，没有问题
step-mark-warn = ！
step-mark-warn-hint = 已完成，有需要注意的地方
step-mark-fail = ✘
step-mark-fail-hint = 有问题，验证前需要解决
step-report-intro = 这是到目前为止的检查结果。没有做的步骤会显示为“已跳过”。客服可能会让你发送这份报告。

welcome-privacy = 隐私：摄像头画面和声音只在这台电脑上分析，不会保存也不会上传；只有测速数据会发送到测速服务器。
welcome-attempts = 请认真准备：每天只有 { $attempts } 次验证机会，全部失败后账号会被冻结 { $hours } 小时。
welcome-prepare-title = 开始前请准备好：
welcome-prepare-card = 身份证原件：人像面和国徽面都要用到，擦干净，不要套卡套。
welcome-prepare-room = 一个安静、明亮的房间：光从前面照到脸上，身后没有其他人、海报或照片。
welcome-prepare-time = 大约 10 分钟，以及正式验证时要用的这台电脑、摄像头和麦克风。
welcome-checks-title = 助手会检查：
welcome-posture = 验证时的姿势：脸在画面中间，身份证平举在胸前，四个角都露出来，手指只捏住长边的中间。
welcome-start = 开始自检

computer-start = 开始检查
computer-again = 重新检查
computer-progress = 已完成 { $done } / { $total } 项
computer-upload-now = 当前上传速度：{ $mbps } Mbit/s
computer-plot-seconds = 秒
computer-plot-needed = 需要的速度

camera-replay = 正在回放画面：{ $path }
camera-virtual-mark = 虚拟摄像头
camera-listing = 正在查找摄像头…
camera-none = 没有找到摄像头。请连接摄像头，或在系统设置中允许本程序使用摄像头。
camera-pick = 摄像头
camera-preview-alt = 摄像头实时画面
camera-opening = 正在打开摄像头…
camera-delivered = { $name }：{ $width }×{ $height }，每秒 { $fps } 帧（预览显示 { $shown } 帧）

idcard-show-front = 请把身份证人像面放进框内
idcard-show-back = 请把身份证国徽面放进框内
idcard-side-front = 人像面
idcard-side-back = 国徽面
idcard-hold = 保持不动…
idcard-done-front = ✓ 人像面清晰、四角完整、无反光无阴影
idcard-done-back = ✓ 国徽面清晰、四角完整、无反光无阴影
idcard-skip-front = 先拍国徽面
idcard-both-done = 两面都通过了。正式验证时也请这样拿证件。
idcard-not-turned = 这还是刚才拍过的那一面，请把身份证翻过来，拍另一面。
idcard-again = 重新检查身份证

mic-replay = 正在回放录音：{ $path }
mic-default = 系统默认麦克风
mic-pick = 麦克风
mic-device = { $name }（{ $rate } Hz）
mic-level = 音量
mic-say-something = 请正常说几句话…
mic-test-start = 开始说话测试
mic-test-again = 再测一次

digits-start = 开始演练
digits-get-ready = 准备…请先保持安静
digits-countdown = { $seconds } 秒后出现数字…
digits-read-now = 请读出下面的数字：
digits-listening = 正在听…
digits-well-done = 读得很好，正式验证时也这样读。
digits-try-again = 可以再练一次：按“开始演练”。

pan-start = 开始环视
pan-finish = 完成环视
pan-watching = 已环视 { $seconds } 秒，目前看到其他人脸 { $others } 个
pan-keep-turning = 继续慢慢转：已转 { $seconds } 秒，至少需要 { $min } 秒
pan-long-enough = 时间够了——转回正面后按“完成环视”
pan-turn-slower = 慢一点：这样的速度来不及查找远处的人脸

checklist-expiry = 有效期限
checklist-long-term = 长期有效
checklist-expiry-format = 请照证件背面印的有效期限填写，例如 2016.05.01-2036.05.01 或 2016.05.01-长期。
checklist-yes = 是
checklist-no = 否
checklist-unanswered = 暂不回答

gui-step-not-done = 这一步还没有做。
gui-steps-done = 已完成 { $done } / { $total } 步
gui-back = 上一步
gui-next = 下一步
gui-skip = 跳过此步
gui-report-now = 直接生成报告
gui-banner-pass = 这一步没有问题，可以继续。
gui-banner-warn = 需要注意（{ $count } 项）：{ $titles }
gui-banner-fail = 验证前需要处理（{ $count } 项）：{ $titles }
gui-folder-missing = 文件夹不存在：{ $path }。请改成一个已有的文件夹。
gui-open-folder = 打开文件夹
gui-open-folder-failed = 无法打开文件夹 { $path }（{ $reason }）。

# Save dialog
dialog-save-title-html = 把报告保存为网页
dialog-save-title-json = 把报告保存为 JSON
dialog-folder = 文件夹
dialog-up = 上一级文件夹
dialog-places = 常用位置
dialog-subfolders = 此处的文件夹
dialog-no-subfolders = 这里没有文件夹
dialog-cannot-open = 无法打开这个文件夹（{ $reason }）。请换一个。
dialog-file-name = 文件名
dialog-name-invalid = 请输入文件名，不能含有 / \ : * ? " < > |
dialog-save = 保存
dialog-cancel = 取消
dialog-exists = 这个文件夹里已有“{ $name }”。要替换它吗？
dialog-replace = 替换
place-documents = 文档
place-desktop = 桌面
place-downloads = 下载
place-home = 个人文件夹

## 报告还不完整时：每项没做的检查怎么补做（应用里的哪一步，或命令行）
verdict-incomplete = 还不完整：几项关键检查还没做，现在还不能说可以开始验证
report-missing-title = 还没做的关键检查（做完才能下结论）：
report-missing-fold = 还没做的关键检查：{ $count } 项（做完才能下结论）
howto-camera-device = 在应用的「摄像头」一步选好摄像头，或运行 selfcheck check。
howto-camera-resolution = 在应用的「摄像头」一步打开画面，或运行 selfcheck check。
howto-camera-frame-rate = 在应用的「摄像头」一步打开画面，或运行 selfcheck check。
howto-camera-virtual = 在应用的「摄像头」一步选好摄像头，或运行 selfcheck check。
howto-image-lighting = 在应用的「摄像头」一步对着摄像头坐好，或运行 selfcheck analyze-image 照片。
howto-image-sharpness = 在应用的「摄像头」一步对着摄像头坐好，或运行 selfcheck analyze-image 照片。
howto-image-glare = 在应用的「身份证」一步把人像面和国徽面分别举到框里，或运行 selfcheck analyze-image 照片 --card x,y,宽,高。
howto-image-faces = 在应用的「摄像头」一步对着摄像头坐好，或运行 selfcheck analyze-image 照片。
howto-rehearsal-pan = 在应用的「360° 环视演练」一步拿着摄像头慢慢转一圈。
howto-audio-device = 在应用的「麦克风」一步选好麦克风，或运行 selfcheck check。
howto-audio-level = 在应用的「麦克风」一步做一次说话测试，或运行 selfcheck analyze-audio --record 5。
howto-audio-noise = 在应用的「麦克风」一步做一次说话测试，或运行 selfcheck analyze-audio --record 5。
howto-audio-clipping = 在应用的「麦克风」一步做一次说话测试，或运行 selfcheck analyze-audio --record 5。
howto-audio-digits = 在应用的「朗读数字演练」一步读一遍数字，或运行 selfcheck analyze-audio 录音.wav。
howto-network-upload = 在应用的「电脑和网络」一步测一次网速，或运行 selfcheck check（不要加 --no-network）。
howto-network-latency = 在应用的「电脑和网络」一步测一次网速，或运行 selfcheck check（不要加 --no-network）。
howto-network-proxy = 在应用的「电脑和网络」一步检查，或运行 selfcheck check。
howto-network-vpn = 在应用的「电脑和网络」一步检查，或运行 selfcheck check。
howto-system-remote-desktop = 在应用的「电脑和网络」一步检查，或运行 selfcheck check。
howto-system-virtual-machine = 在应用的「电脑和网络」一步检查，或运行 selfcheck check。
howto-system-time-of-day = 在应用的「电脑和网络」一步检查，或运行 selfcheck check。
howto-browser-version = 在应用的「电脑和网络」一步检查，或运行 selfcheck check。
howto-checklist-id-card-validity = 在应用的「准备清单」一步填写身份证背面的有效期，或运行 selfcheck check --id-expiry 日期。
howto-checklist-phone-real-name = 在应用的「准备清单」一步确认。
howto-checklist-product-samples = 在应用的「准备清单」一步确认。
howto-checklist-business-premises = 在应用的「准备清单」一步确认。
cam-all-black = 「{ $name }」送来的画面全是黑的：镜头的防窥挡板可能关着，或镜头被挡住了。
cam-advice-shutter = 打开摄像头上的防窥挡板（有些笔记本在侧面或键盘上有开关），移开挡住镜头的东西，再检查一次。
upload-summary-recovered = 第一次测速时网络卡住了 { $stall } 秒（算一次中断），恢复后重测没有再卡：网络偶尔会中断，验证时可能碰上。
source-measured = 实测
source-replayed = 回放文件
source-self-reported = 本人填写
report-replayed-both = 注意：本报告里摄像头和麦克风的结果来自录好的图片和声音文件（回放），不是这台电脑的摄像头和麦克风实测的。
report-replayed-camera = 注意：本报告里摄像头的结果来自录好的图片（回放），不是这台电脑的摄像头实测的。
report-replayed-mic = 注意：本报告里麦克风的结果来自录好的声音文件（回放），不是这台电脑的麦克风实测的。
start-title = 正式验证前请记住
start-flow = 正式验证是 { $domain } 下的阿里云实人认证页面，全程大约 { $min }–{ $max } 分钟，提交后约 { $wait } 秒出结果。
start-attempts = 每天最多只能验证 { $attempts } 次，失败 { $attempts } 次账号会被冻结 { $freeze } 小时；收到验证通知后要在 { $deadline } 小时内完成，否则可能限制上架和提现。
start-focus = 验证过程中不要切换浏览器标签页，也不要最小化浏览器窗口：离开验证页面会直接算失败。
start-reading = 数字必须本人读，读的时候嘴型和声音要对得上：两者相差超过 { $offset } 秒就会判失败。
start-premises = 在真实的经营场所验证，环视时画面里要能看到至少 { $samples } 件主营类目的样品。
start-if-failed = 如果失败：先截图保存页面上的错误代码，确认网络是直连（关掉代理和 VPN），再用 Chrome 的无痕窗口重试一次，仍不行再带着截图联系客服。
start-id-photos = 客服可能会要身份证照片：请准备 JPG 格式、每张不超过 { $mb } MB 的照片。
summary-title = 自检报告汇总
summary-counts = 汇总了 { $reports } 份报告，另有 { $refused } 个文件无法使用（见下方原因）。
summary-by-check = 各检查项目出问题的比例（按频率排序）
summary-by-report = 每份报告
summary-refused = 无法使用的文件
summary-refused-line = 未汇总：{ $file }：{ $reason }
summary-refused-missing = 文件或文件夹不存在
summary-refused-unreadable = 无法读取（{ $reason }）
summary-refused-too-big = 文件超过 16 MB，不是本程序写的报告
summary-refused-invalid = 不是有效的自检报告（{ $reason }）
summary-refused-edited = 报告生成后被修改过（报告编号与内容对不上），内容不可信
summary-saved = 汇总已保存：{ $path }
summary-col-check = 检查项目
summary-col-title = 名称
summary-col-failed = 不通过
summary-col-warned = 需注意
summary-col-share = 出问题的比例
summary-col-report-id = 报告编号
summary-col-date = 时间
summary-col-verdict = 结论
summary-col-failed-checks = 不通过的项目
summary-col-warned-checks = 需注意的项目
summary-col-missing-checks = 没做的关键检查
summary-col-file = 文件
summary-col-refused-file = 无法使用的文件
summary-col-reason = 原因
card-privacy = 这张图片不含电脑名、用户名、网络地址等个人信息，也没有照片和录音。
card-privacy-with-identity = 应你的要求，这份报告含有电脑名、用户名和网络地址（图片上没有显示，只在报告文件里）；没有照片和录音。
card-more-in-report = 问题太多，图片放不下：其余的请看完整报告文件。
gui-save-png = 保存图片
gui-copy-png = 复制图片（可直接粘贴到聊天）
gui-copied-png = 图片已复制，可以粘贴到旺旺、钉钉或微信里发给客服。
cli-error-card-picture = 无法生成报告图片：{ $reason }
dialog-save-title-png = 把报告保存为图片（发到聊天里）
checklist-expiry-hint = 例如 2016.05.01-2036.05.01
title-image-card-corners = 身份证四角
title-image-card-shadow = 身份证上的阴影
howto-image-card-corners = 在应用的「身份证」一步把人像面和国徽面分别举到框里，或运行 selfcheck analyze-image 照片 --card x,y,宽,高。
howto-image-card-shadow = 在应用的「身份证」一步把人像面和国徽面分别举到框里，或运行 selfcheck analyze-image 照片 --card x,y,宽,高。
list-separator = 、
card-no-box = 没有给出身份证位置，未检查（命令行请用 --card x,y,宽,高）。
card-advice-show-card = 把身份证举到画面上的框里，让证件的四条边贴近框线。
glare-kind-specular = 亮斑
glare-kind-sheen = 大片泛白（字迹被冲淡）
glare-kind-hologram = 防伪图案的彩虹闪光
glare-advice-sheen = 大片泛白是灯光或窗户在卡面上的倒影：换个角度拿卡，或让光源在你的侧前方，而不是正对卡面。
glare-advice-hologram = 彩虹闪光来自证件上的防伪图案：把卡片稍微转一下角度，直到彩色亮光消失。
corners-ok = 四个角都完整地在画面里，没有被遮住。
corners-missing = 有 { $count } 个角看不完整：{ $list }。
corner-why = （{ $why }）
corner-why-outside-picture = 在画面外
corner-why-covered = 被遮住
corner-why-edge-not-found = 看不到这一边
corner-top-left = 左上角
corner-top-right = 右上角
corner-bottom-right = 右下角
corner-bottom-left = 左下角
corners-advice-outside = 验证要求身份证四角完整：把卡片往画面中间移，或离摄像头稍远一点，让四个角都在画面里。
corners-advice-covered = 验证要求身份证四角完整：手指只捏住卡片长边的中间，不要按住角；卡片后面最好是深色、素净的背景，让边缘看得清。
shadow-none = 身份证上没有阴影。
shadow-found = 身份证上有阴影，约占卡面的 { $pct }%，比亮处暗 { $depth }%。
shadow-advice = 验证要求卡面无阴影遮挡：看看是手、手机还是身体挡住了灯光；让光从你的前方照来，手只捏住卡片边缘，不要把卡举到自己的影子里。

idcard-side-not-shown = { $side }还没有检查：两面都要举到框里检查。
idcard-need-face = 人像面要和你的脸同时出现在画面里：把证件举在胸前，不要挡住脸。
idcard-front-first = 先拍人像面
idcard-face-not-seen = 画面里没有看到你的脸。

# Windows privacy switches (camera / microphone)
privacy-camera-blocked = Windows 的隐私设置不允许使用摄像头：{ $switch }是关闭的，验证页面打不开摄像头。
privacy-microphone-blocked = Windows 的隐私设置不允许使用麦克风：{ $switch }是关闭的，验证页面听不到您读数字。
privacy-switch-machine = 整台电脑的总开关
privacy-switch-user = “允许应用访问”
privacy-switch-desktop-apps = “允许桌面应用访问”
privacy-switch-browser = 浏览器 { $programs } 自己的开关
privacy-camera-advice = 打开 设置 → 隐私和安全性 → 摄像头，打开“摄像头访问”“允许应用访问摄像头”和“允许桌面应用访问摄像头”，列表里的浏览器也要打开，然后重新检查。
privacy-microphone-advice = 打开 设置 → 隐私和安全性 → 麦克风，打开“麦克风访问”“允许应用访问麦克风”和“允许桌面应用访问麦克风”，列表里的浏览器也要打开，然后重新检查。

# 对口型（rehearsal.lip_sync）
title-rehearsal-lip-sync = 朗读时口型同步
howto-rehearsal-lip-sync = 在应用的「朗读数字演练」一步对着摄像头读一遍数字，或运行 selfcheck analyze-reading --frames 帧目录 --audio 录音.wav。
lip-ok = 声音和嘴型对得上：声音{ $direction } { $seconds } 秒，平台允许最多 { $max } 秒。
lip-offset-near = 声音{ $direction } { $seconds } 秒，接近平台允许的 { $max } 秒上限。
lip-offset-over = 声音{ $direction } { $seconds } 秒，超过了平台允许的 { $max } 秒，正式验证会判为“朗读不同步”。
lip-voice-late = 比嘴型晚
lip-voice-early = 比嘴型早
lip-no-reading = 没有听到读数字的声音，无法比较口型。
lip-face-away = 读数字时有 { $pct }% 的时间画面里看不到你的脸。
lip-mouth-still = 听到了读数字的声音，但画面里的嘴只在其中 { $pct }% 的时间里张开过：看起来不是镜头前的人在读，或者嘴被挡住了。
lip-no-match = 声音和画面里嘴的动作对不上。
lip-advice-read = 数字出现后，请正对摄像头，一个一个清楚地读出来。
lip-advice-face = 读数字时整张脸要一直在画面里：坐正，离摄像头一臂远，不要低头看手机或纸。
lip-advice-mouth = 必须由你本人对着摄像头读，别人代读会被判为“人证不符”；不要用手、口罩或话筒挡住嘴。
lip-advice-timing = 看到数字后再开口，边看边读，不要提前背、也不要等很久才读。
lip-advice-device = 每个数字的声音都晚了差不多同样的时间，通常是蓝牙耳机或某些 USB 麦克风造成的延迟。正式验证时请改用电脑自带的麦克风或有线耳机，然后再测一次。
lip-advice-device-named = 每个数字的声音都晚了差不多同样的时间，多半是麦克风“{ $device }”造成的延迟（蓝牙耳机最常见）。正式验证时请改用电脑自带的麦克风或有线耳机，然后再测一次。
cli-error-reading-empty = { $path } 里没有可判断的图片：请把朗读时录下的各帧按拍摄顺序命名，存成 JPEG 或 PNG 放进去。
cli-error-reading-frame = 无法判断朗读：图片 { $path } 读不出来（{ $reason }）。没有写出任何结果。
cli-error-reading-size = 无法判断朗读：图片 { $path } 的尺寸是 { $size }，而开始时是 { $first }。同一段录像的所有帧必须来自同一种摄像头模式。没有写出任何结果。
cli-error-reading-length = 画面和声音长度对不上：帧按给定帧率共 { $frames } 秒，录音 { $audio } 秒，相差超过 1 秒。请检查 --fps，并确认录音和画面是同时开始录的。没有写出任何结果。
lip-no-camera = 读数字时摄像头没有画面，无法比较口型。
lip-advice-camera = 回到「摄像头」一步，确认能看到自己的画面，再来读一遍数字。
card-details = 详细信息（给客服看）
card-details-id = 检查项编号：{ $id }
card-details-measured = 测得：
card-details-threshold = 标准：
log-at = 出错记录（日志）在：{ $path }
gui-open-log = 打开日志文件夹
gui-open-log-hint = 程序出错时会记在这里（不含个人信息）。客服需要时，请把其中的 selfcheck.log 一起发过去。
gui-open-report = 打开报告
gui-open-its-folder = 打开所在文件夹
