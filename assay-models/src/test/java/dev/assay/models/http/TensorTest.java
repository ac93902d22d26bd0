package dev.assay.models.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.error.InvalidInputException;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class TensorTest {
    private static final Function<String, RuntimeException> BAD = InvalidInputException::new;

    private static Tensor tensor(String json) throws Exception {
        return Tensor.read("output", Json.MAPPER.readTree(json), BAD);
    }

    @Test
    void flatAndNestedDataAreReadInRowMajorOrder() throws Exception {
        assertThat(tensor("{\"name\": \"p\", \"shape\": [2, 2], \"data\": [0.1, 0.9, null, \"NaN\"]}").numbers(BAD))
                .containsExactly(0.1, 0.9, Double.NaN, Double.NaN);
        assertThat(tensor("{\"name\": \"p\", \"shape\": [2, 2], \"data\": [[0.1, 0.9], [0.5, 0.5]]}").numbers(BAD))
                .containsExactly(0.1, 0.9, 0.5, 0.5);
        assertThat(tensor("{\"name\": \"label\", \"shape\": [3], \"data\": [\"no\", 1, 2.0]}").texts(BAD))
                .containsExactly("no", "1", "2");
    }

    @Test
    void aShapeThatClaimsMoreThanTheDataHoldsIsRefusedWithBothCounts() throws Exception {
        // one row of 40000 values and 39999 empty rows: the shape claims 1.6 billion values
        StringBuilder data = new StringBuilder("[[");
        for (int i = 0; i < 40_000; i++) {
            data.append(i == 0 ? "0" : ",0");
        }
        data.append("]").append(",[]".repeat(39_999)).append("]");
        Tensor t = tensor("{\"name\": \"p\", \"shape\": [40000, 40000], \"data\": " + data + "}");
        assertThatThrownBy(() -> t.numbers(BAD)).isInstanceOf(InvalidInputException.class)
                .hasMessage("output 'p' of shape [40000, 40000] holds 40000 values; its shape needs 1600000000");
    }

    @Test
    void raggedRowsAndValuesInTheWrongPlaceAreRefused() throws Exception {
        assertThatThrownBy(() -> tensor("{\"name\": \"p\", \"shape\": [2, 2], \"data\": [[0.1, 0.9], [0.5]]}").numbers(BAD))
                .hasMessage("output 'p' of shape [2, 2] holds 3 values; its shape needs 4");
        assertThatThrownBy(() -> tensor("{\"name\": \"p\", \"shape\": [3], \"data\": [0.1, [0.2, 0.3], 0.4]}").numbers(BAD))
                .hasMessage("output 'p' of shape [3] holds 4 values; its shape needs 3");
        assertThatThrownBy(() -> tensor("{\"name\": \"p\", \"shape\": [2], \"data\": [0.1, \"high\"]}").numbers(BAD))
                .hasMessage("output 'p' holds the text \"high\" at position 1 where a number (or null for a missing value) was "
                        + "expected");
        assertThatThrownBy(() -> tensor("{\"name\": \"p\", \"shape\": [2.5], \"data\": []}"))
                .hasMessage("output 'p' has the shape [2.5]; dimensions must be whole numbers from 0 to 2147483647");
        assertThatThrownBy(() -> tensor("{\"shape\": [1], \"data\": [1]}"))
                .hasMessage("an output lacks its 'name': {\"shape\":[1],\"data\":[1]}");
    }
}
