"""OpenCV doing the same measures one-threaded, side by side with `selfcheck bench`.

OpenCV pipeline per frame (the anchor named in the camera issue): cvtColor to grey,
meanStdDev, calcHist, Laplacian variance, HSV inRange for bright colourless pixels,
connectedComponents on that mask.

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


def opencv_frame(bgr):
    grey = cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY)
    cv2.meanStdDev(grey)
    cv2.calcHist([grey], [0], None, [256], [0, 256])
    cv2.Laplacian(grey, cv2.CV_64F).var()
    hsv = cv2.cvtColor(bgr, cv2.COLOR_BGR2HSV)
    mask = cv2.inRange(hsv, (0, 0, 240), (180, 40, 255))
    cv2.connectedComponents(mask)


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
