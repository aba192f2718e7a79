package io.ferrymq.engine.local;

import java.util.ArrayList;
import java.util.List;

/**
 * Work a queue decides on under its lock but must do after releasing it: completing futures (whose callbacks are
 * the caller's code) and handing messages to another queue (whose lock must never nest inside this one's).
 */
final class Effects {
    private List<Runnable> actions;

    void later(Runnable action) {
        if (actions == null) {
            actions = new ArrayList<>(2);
        }
        actions.add(action);
    }

    void run() {
        if (actions != null) {
            actions.forEach(Runnable::run);
        }
    }
}
