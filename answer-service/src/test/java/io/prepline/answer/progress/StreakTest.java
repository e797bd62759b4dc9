package io.prepline.answer.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

class StreakTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void streakEndsTodayOrYesterdayAndStopsAtTheFirstGap() {
        assertEquals(0, ProgressService.streak(Set.of(), TODAY));
        assertEquals(1, ProgressService.streak(Set.of(TODAY), TODAY));
        assertEquals(2, ProgressService.streak(Set.of(TODAY.minusDays(1), TODAY.minusDays(2)), TODAY));
        assertEquals(3, ProgressService.streak(Set.of(TODAY, TODAY.minusDays(1), TODAY.minusDays(2),
                TODAY.minusDays(4)), TODAY));
        assertEquals(0, ProgressService.streak(Set.of(TODAY.minusDays(2)), TODAY));
    }
}
