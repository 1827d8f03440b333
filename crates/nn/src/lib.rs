//! A small pure-Rust inference engine for the face models: NHWC float tensors, the handful of
//! operations YuNet and MediaPipe's face mesh use (convolution, depthwise convolution,
//! padding, addition, 2× nearest upsampling, max pooling, PReLU, zero channels, taking channels), run in order
//! from a `.scnn` graph file. Pure Rust so the Windows build needs no native library; any input size that is
//! a multiple of 32 works.

mod arithmetic;
mod depthwise;
pub mod kernels;
mod merged_heads;
mod model_file;
mod pointwise;
#[cfg(target_arch = "x86_64")]
mod pointwise_avx2;
#[cfg(target_arch = "x86_64")]
mod pointwise_avx512;
mod pool;
mod resample;
mod rgb_words;
mod row_spectrum;
mod turned;
mod unsmear;

pub use arithmetic::{best_rate_gmacs, multiply_adds_done};
pub use model_file::{Network, Op, f16_to_f32};
pub use resample::{rgb_region, rgb_turned_square};
pub use row_spectrum::rgb_row_spectrum;
pub use turned::{rgb_turned, rgb_turned_part};
pub use unsmear::rgb_unsmeared;

/// `a × b + c` rounded once, as the CPU's fused multiply-add instruction does: the
/// definition the vector kernels are tested against. (`f32::mul_add` outside code compiled
/// for FMA calls the C library's `fmaf`, and MinGW's — the Windows build's — rounds twice:
/// the kernels' tests under Wine caught it.)
#[cfg(test)]
pub(crate) fn fused_multiply_add(a: f32, b: f32, c: f32) -> f32 {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("fma") {
        #[target_feature(enable = "fma")]
        fn instruction(a: f32, b: f32, c: f32) -> f32 {
            a.mul_add(b, c)
        }
        // SAFETY: the CPU has just been seen to support it.
        return unsafe { instruction(a, b, c) };
    }
    a.mul_add(b, c)
}

/// What the kernels' tests share.
#[cfg(test)]
pub(crate) mod test_values {
    /// Whether the kernels run with fused multiply-adds here.
    pub fn fused() -> bool {
        #[cfg(target_arch = "x86_64")]
        return std::arch::is_x86_feature_detected!("avx2")
            && std::arch::is_x86_feature_detected!("fma");
        #[cfg(not(target_arch = "x86_64"))]
        false
    }

    /// A model read from a `.scnn` file made of `ops` (JSON) over tensor 0 (one channel),
    /// `tensors` tensors, `outputs` (a JSON object of names and tensors) and float16 `weights`.
    pub fn model(ops: &str, tensors: usize, outputs: &str, weights: &[u16]) -> crate::Network {
        let header = format!(
            r#"{{"format":"scnn 1","input":{{"tensor":0,"channels":1,"trained_size":2,"multiple_of":1}},"outputs":{outputs},"tensors":{tensors},"ops":[{ops}]}}"#
        );
        let mut bytes = b"SCNN".to_vec();
        bytes.extend((header.len() as u32).to_le_bytes());
        bytes.extend(header.as_bytes());
        bytes.extend(weights.iter().flat_map(|w| w.to_le_bytes()));
        match crate::Network::parse(&bytes) {
            Ok(net) => net,
            Err(e) => panic!("{e}"),
        }
    }

    /// Values in −0.5…0.5, the same from one run to the next for one `seed` (a linear
    /// congruential generator's high bits).
    pub fn random(mut seed: u32) -> impl FnMut() -> f32 {
        move || {
            seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            (seed >> 8) as f32 / (1u32 << 24) as f32 - 0.5
        }
    }
}

/// Which of the engine's kernels this CPU runs — `avx512`, `avx2` (with FMA) or `plain` —
/// chosen the same way as each convolution chooses; a model's speed depends on it.
pub fn vector_kernels() -> &'static str {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx512f") {
            return "avx512";
        }
        if std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("fma")
        {
            return "avx2";
        }
    }
    "plain"
}

/// A feature map: `h` rows of `w` pixels of `c` channels, channels innermost (NHWC, N = 1).
#[derive(Debug, Clone, PartialEq)]
pub struct Tensor {
    pub h: usize,
    pub w: usize,
    pub c: usize,
    pub data: Vec<f32>,
}

impl Tensor {
    pub fn zeros(h: usize, w: usize, c: usize) -> Tensor {
        Tensor {
            h,
            w,
            c,
            data: pool::take(h * w * c, 0.0),
        }
    }

    /// A tensor of `h`×`w`×`c` values for an operation that writes every one of them (they
    /// hold whatever an earlier tensor left: no pass of zeros first).
    pub(crate) fn for_overwrite(h: usize, w: usize, c: usize) -> Tensor {
        Tensor {
            h,
            w,
            c,
            data: pool::take_for_overwrite(h * w * c),
        }
    }

    /// A tensor of `h`×`w`×`c` values, all `value`.
    pub fn filled(h: usize, w: usize, c: usize, value: f32) -> Tensor {
        Tensor {
            h,
            w,
            c,
            data: pool::take(h * w * c, value),
        }
    }

    /// The `c` values of pixel (`y`, `x`).
    #[inline]
    pub fn pixel(&self, y: usize, x: usize) -> &[f32] {
        let at = (y * self.w + x) * self.c;
        &self.data[at..at + self.c]
    }
}

/// A tensor's buffer is kept for the thread's next tensor (see `pool`).
impl Drop for Tensor {
    fn drop(&mut self) {
        pool::give(std::mem::take(&mut self.data));
    }
}

/// What went wrong reading or running a model.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("not a model file: {0}")]
    Format(String),
    #[error("input {h}x{w}x{c} does not fit the model: {why}")]
    Input {
        h: usize,
        w: usize,
        c: usize,
        why: String,
    },
}
