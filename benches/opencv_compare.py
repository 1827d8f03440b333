"""OpenCV doing the same measures one-threaded, side by side with `selfcheck bench`.

OpenCV pipeline per frame (the anchor named in the camera issue): cvtColor to grey,
meanStdDev, calcHist, Laplacian variance, HSV inRange for bright colourless pixels,
connectedComponents on that mask. Prints both medians and the ratio.
"""
import json
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
    cv2.setNumThreads(1)
    f720, f1080 = synthetic(1280, 720), synthetic(1920, 1080)
    cv_720 = median_ms(lambda: opencv_frame(f720))
    cv_1080 = median_ms(lambda: opencv_frame(f1080))
    ours = json.loads(subprocess.run([binary, "bench", "--json"], check=True, capture_output=True, text=True).stdout)
    print(f"OpenCV {cv2.__version__} one thread: 720p {cv_720:.2f} ms, 1080p {cv_1080:.2f} ms")
    print(f"selfcheck bench:           720p {ours['frame_ms_720p']:.2f} ms, 1080p {ours['frame_ms_1080p']:.2f} ms, faces 720p {ours['face_ms_720p']:.2f} ms")
    print(f"ratio selfcheck/OpenCV:    720p {ours['frame_ms_720p'] / cv_720:.3f}, 1080p {ours['frame_ms_1080p'] / cv_1080:.3f}")


if __name__ == "__main__":
    main()
