//! A camera turning while a picture is exposed, made on a sharp picture: each row seen
//! through a centred box `length` pixels wide (the turn's speed times the exposure).

/// Each row of a `w`-wide RGB picture through a centred box `length` (odd) pixels wide, its
/// ends repeated: running sums.
pub fn smear_rows(data: &mut [u8], w: usize, length: usize) {
    if length <= 1 {
        return;
    }
    let half = length / 2;
    let mut line = vec![0u32; w + 2 * half];
    for row in data.chunks_exact_mut(w * 3) {
        for c in 0..3 {
            for (k, v) in line.iter_mut().enumerate() {
                *v = u32::from(row[k.saturating_sub(half).min(w - 1) * 3 + c]);
            }
            let mut sum: u32 = line[..length].iter().sum();
            for x in 0..w {
                row[x * 3 + c] = ((sum + length as u32 / 2) / length as u32) as u8;
                if x + length < line.len() {
                    sum = sum + line[x + length] - line[x];
                }
            }
        }
    }
}
