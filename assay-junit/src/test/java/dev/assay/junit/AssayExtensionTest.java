package dev.assay.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.data.Frame;
import dev.assay.core.model.Model;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** Data and models are loaded once per test class and shared by its tests. */
@ExtendWith(AssayExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AssayExtensionTest {
    private static Frame firstFrame;
    private static Model firstModel;

    @Test
    @Order(1)
    void resolvesDataAndModel(@AssayData("examples/german-credit/test.csv") Frame test,
            @AssayModel("examples/models/german_credit_logistic.onnx") Model model) {
        assertThat(test.rowCount()).isEqualTo(300);
        assertThat(test.columnNames()).contains("class", "personal_status");
        assertThat(model.info().classes()).containsExactlyInAnyOrder("good", "bad");
        firstFrame = test;
        firstModel = model;
    }

    @Test
    @Order(2)
    void sharesThemWithinTheClass(@AssayData("examples/german-credit/test.csv") Frame test,
            @AssayModel("examples/models/german_credit_logistic.onnx") Model model) {
        assertThat(test).isSameAs(firstFrame);
        assertThat(model).isSameAs(firstModel);
    }

    private static Model nestedModel;

    /**
     * Shares what its enclosing class loaded; a model only it loads is closed when it is done, before the enclosing
     * class's {@code @AfterAll}.
     */
    @Nested
    class Inner {
        @Test
        void sharesTheEnclosingModelAndLoadsItsOwn(@AssayModel("examples/models/german_credit_logistic.onnx") Model shared,
                @AssayModel("examples/models/german_credit_forest.onnx") Model own,
                @AssayData("examples/german-credit/test.csv") Frame test) {
            assertThat(shared).isSameAs(firstModel);
            assertThat(own.predict(test).rows()).isEqualTo(300);
            nestedModel = own;
        }
    }

    @AfterAll
    static void modelsAreClosedAfterTheirClass() {
        assertThat(nestedModel).isNotNull();
        assertThat(firstModel.predict(firstFrame).rows()).isEqualTo(300);
        assertThatThrownBy(() -> nestedModel.predict(firstFrame)).isInstanceOf(RuntimeException.class);
        firstFrame = null;
        firstModel = null;
        nestedModel = null;
    }
}
