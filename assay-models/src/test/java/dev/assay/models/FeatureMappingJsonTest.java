package dev.assay.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.error.InvalidInputException;
import dev.assay.core.model.FeatureMapping;
import dev.assay.core.model.FeatureMapping.Feature;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureMappingJsonTest {

    @Test
    void roundTrips() {
        FeatureMapping mapping = new FeatureMapping(List.of(Feature.numeric("age"), Feature.oneHot("sex", List.of("female", "male")),
                Feature.ordinal("size", List.of("S", "M", "L"))));
        String json = FeatureMappingJson.write(mapping);
        assertThat(json).isEqualTo("{\"features\":[{\"column\":\"age\",\"encoding\":\"numeric\"},"
                + "{\"column\":\"sex\",\"encoding\":\"one_hot\",\"levels\":[\"female\",\"male\"]},"
                + "{\"column\":\"size\",\"encoding\":\"ordinal\",\"levels\":[\"S\",\"M\",\"L\"]}]}");
        assertThat(FeatureMappingJson.read(json, "test")).isEqualTo(mapping);
    }

    @Test
    void reportsBadJsonWithItsSource() {
        assertThatThrownBy(() -> FeatureMappingJson.read("{\"features\": [", "model.onnx"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("model.onnx").hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> FeatureMappingJson.read("{\"features\": [{\"column\": \"a\", \"encoding\": \"log\"}]}", "model.onnx"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'a'").hasMessageContaining("log");
        assertThatThrownBy(() -> FeatureMappingJson.read("{\"features\": [{\"column\": \"a\", \"encoding\": \"one_hot\"}]}", "m"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("levels");
    }
}
