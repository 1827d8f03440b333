"""OpenCV doing the same measures one-threaded, side by side with `selfcheck bench`.

OpenCV pipeline per frame (the anchor named in the camera issue): cvtColor to grey,
meanStdDev, calcHist, Laplacian variance, HSV inRange for bright colourless pixels,
connectedComponents on that mask; and, for the card's surface and corners (the ID-card
issue), the same work done the OpenCV way on the card box: per-block bright end (dilate
then INTER_AREA resize to the block grid), per-block colour and HSV, the paper plane fitted
by least squares for each of 13 parts of the card, the sheen / hologram / shadow masks
labelled with connectedComponentsWithStats, and Sobel steps along the 8 stretches next to
the corners.

This machine is a VM whose speed drifts by a third from one second to the next, so the two
are measured in alternating rounds (OpenCV, then `selfcheck bench`, ROUNDS times) and each
round's ratio is taken from timings made seconds apart. Prints every round, then the median
and the worst ratio. Usage: opencv_compare.py SELFCHECK_BINARY [ROUNDS]
"""
import json
import statistics
import subprocess
import sys
import time

import cv2
import numpy as np


def synthetic(w, h):
    rng = np.random.default_rng(0x12345678)
    noise = rng.integers(0, 64, size=(h, w), dtype=np.uint16)
    x = np.arange(w, dtype=np.uint16)[None, :] * 200 // w
    y = np.arange(h, dtype=np.uint16)[:, None] * 200 // h
    r = (x + noise).astype(np.uint8)
    g = (y + noise).astype(np.uint8)
    b = ((x + y) // 2 + noise).astype(np.uint8)
    return np.dstack([b, g, r])


def card_box(w, h):
    # The same boxes `selfcheck bench` uses.
    return (440, 300, 400, 252) if w == 1280 else (660, 450, 600, 378)


def opencv_card(bgr, grey):
    x, y, w, h = card_box(bgr.shape[1], bgr.shape[0])
    card = bgr[y:y + h, x:x + w]
    bs = max(w // 48, 2)
    gw, gh = w // bs, h // bs
    luma = cv2.cvtColor(card, cv2.COLOR_BGR2GRAY)
    bright_end = cv2.resize(cv2.dilate(luma, np.ones((3, 3), np.uint8)), (gw, gh),
                            interpolation=cv2.INTER_AREA).astype(np.float64)
    colour = cv2.resize(card, (gw, gh), interpolation=cv2.INTER_AREA)
    hsv = cv2.cvtColor(colour, cv2.COLOR_BGR2HSV)
    u, v = np.meshgrid((np.arange(gw) + 0.5) / gw, (np.arange(gh) + 0.5) / gh)
    a = np.stack([np.ones(gw * gh), u.ravel(), v.ravel()], axis=1)
    z = bright_end.ravel()
    plane = None
    for (u0, u1, v0, v1) in [(0, 1, 0, 1), (0, .5, 0, 1), (.5, 1, 0, 1), (0, 1, 0, .5), (0, 1, .5, 1),
                             (0, .34, 0, 1), (.66, 1, 0, 1), (0, 1, 0, .34), (0, 1, .66, 1),
                             (0, .5, 0, .5), (.5, 1, 0, .5), (0, .5, .5, 1), (.5, 1, .5, 1)]:
        sel = (a[:, 1] >= u0) & (a[:, 1] < u1) & (a[:, 2] >= v0) & (a[:, 2] < v1)
        plane = np.linalg.lstsq(a[sel], z[sel], rcond=None)[0]
    fitted = (a @ plane).reshape(gh, gw)
    sheen = ((bright_end - fitted) > 10).astype(np.uint8)
    shadow = (bright_end < fitted * 0.75).astype(np.uint8)
    flare = cv2.inRange(hsv, (0, 90, 200), (180, 255, 255))
    for m in (sheen, shadow, flare):
        cv2.connectedComponentsWithStats(m)
    small = cv2.resize(grey, (grey.shape[1] // 2, grey.shape[0] // 2), interpolation=cv2.INTER_AREA)
    sx, sy, sw, sh = x // 2, y // 2, w // 2, h // 2
    for (cx, cy) in [(sx, sy), (sx + sw, sy), (sx, sy + sh), (sx + sw, sy + sh)]:
        for horizontal in (True, False):
            n = int((sw if horizontal else sh) * 0.07) + 1
            patch = small[max(cy - 3, 0):cy + 3, max(cx - n, 0):cx + n] if horizontal else \
                small[max(cy - n, 0):cy + n, max(cx - 3, 0):cx + 3]
            if horizontal:
                cv2.Sobel(patch, cv2.CV_16S, 0, 1, ksize=3)
            else:
                cv2.Sobel(patch, cv2.CV_16S, 1, 0, ksize=3)


def opencv_frame(bgr):
    grey = cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY)
    cv2.meanStdDev(grey)
    cv2.calcHist([grey], [0], None, [256], [0, 256])
    cv2.Laplacian(grey, cv2.CV_64F).var()
    hsv = cv2.cvtColor(bgr, cv2.COLOR_BGR2HSV)
    mask = cv2.inRange(hsv, (0, 0, 240), (180, 40, 255))
    cv2.connectedComponents(mask)
    opencv_card(bgr, grey)


def median_ms(fn, runs=15):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return times[len(times) // 2]


def main():
    binary = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    cv2.setNumThreads(1)
    f720, f1080 = synthetic(1280, 720), synthetic(1920, 1080)
    print(f"OpenCV {cv2.__version__}, one thread; milliseconds per frame, median of 15 runs each")
    print("round  opencv 720p 1080p  selfcheck 720p 1080p faces  ratio 720p 1080p")
    r720, r1080 = [], []
    for i in range(1, rounds + 1):
        cv_720 = median_ms(lambda: opencv_frame(f720))
        cv_1080 = median_ms(lambda: opencv_frame(f1080))
        run = subprocess.run([binary, "bench", "--json"], check=True, capture_output=True, text=True)
        ours = json.loads(run.stdout)
        a, b = ours["frame_ms_720p"] / cv_720, ours["frame_ms_1080p"] / cv_1080
        r720.append(a)
        r1080.append(b)
        print(f"{i:5}  {cv_720:11.2f} {cv_1080:5.2f}  {ours['frame_ms_720p']:14.2f} "
              f"{ours['frame_ms_1080p']:5.2f} {ours['face_ms_720p']:5.1f}  {a:10.3f} {b:5.3f}")
    print(f"ratio selfcheck/OpenCV, median of {rounds} rounds: 720p {statistics.median(r720):.3f}, "
          f"1080p {statistics.median(r1080):.3f}; worst round: 720p {max(r720):.3f}, 1080p {max(r1080):.3f}")


if __name__ == "__main__":
    main()
