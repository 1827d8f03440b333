//! What the screens ask of the session. A screen reads the session's state and sends
//! commands; they are queued while the frame is drawn and carried out once, in order, when the
//! frame is done, so no screen writes shared state in the middle of another's drawing.

use super::book::ResultBook;
use crate::checks::Judged;

/// One request from a screen.
pub enum Command {
    /// A verdict into the result book, replacing one of the same check.
    Record(Judged),
    /// A verdict only where the book has none for that check yet (a dedicated step measures
    /// it better).
    RecordIfAbsent(Judged),
    /// The check's verdict taken out (an answer withdrawn).
    Forget(&'static str),
}

/// The commands of one frame.
#[derive(Default)]
pub struct Queue {
    pending: Vec<Command>,
}

impl Queue {
    pub fn send(&mut self, command: Command) {
        self.pending.push(command);
    }

    /// Carries out every queued command in order; whether any was queued (the screens then
    /// draw again with the new state).
    pub fn carry_out(&mut self, book: &mut ResultBook) -> bool {
        let any = !self.pending.is_empty();
        for command in self.pending.drain(..) {
            match command {
                Command::Record(j) => book.set(j),
                Command::RecordIfAbsent(j) => book.set_if_absent(j),
                Command::Forget(id) => book.remove(id),
            }
        }
        any
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::model::{CheckResult, Status};
    use crate::i18n::{Lang, Tr};

    fn verdict(id: &'static str, status: Status) -> Judged {
        Judged::new(move |tr: &Tr| CheckResult::new(id, status, tr))
    }

    #[test]
    fn commands_wait_for_the_end_of_the_frame_and_run_in_order() {
        let mut book = ResultBook::new(Lang::En);
        let mut q = Queue::default();
        q.send(Command::Record(verdict("image.faces", Status::Warn)));
        q.send(Command::RecordIfAbsent(verdict(
            "image.faces",
            Status::Fail,
        )));
        q.send(Command::Record(verdict("image.lighting", Status::Pass)));
        q.send(Command::Forget("image.lighting"));
        assert!(book.is_empty(), "nothing changes while the frame is drawn");
        assert!(q.carry_out(&mut book));
        assert_eq!(book.len(), 1);
        let faces = book.get("image.faces").expect("recorded");
        assert_eq!(
            faces.status,
            Status::Warn,
            "the later 'if absent' kept the first"
        );
        assert!(!q.carry_out(&mut book), "the queue is empty after a frame");
    }
}
