package dev.assay.models.tribuo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.model.FeatureMapping;
import dev.assay.core.model.FeatureMapping.Feature;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableFeatureMap;

class TribuoFeaturesTest {

    @Test
    void groupsOneHotLevelsInFeatureIdOrder() {
        MutableFeatureMap features = new MutableFeatureMap();
        for (String name : List.of("sex=male", "age", "sex=female", "city=Oslo", "income")) {
            features.add(name, 1.0);
        }
        FeatureMapping mapping = TribuoFeatures.mapping(new ImmutableFeatureMap(features));
        assertThat(mapping.features()).containsExactly(Feature.numeric("age"), Feature.oneHot("city", List.of("Oslo")),
                Feature.numeric("income"), Feature.oneHot("sex", List.of("female", "male")));
        assertThat(mapping.inputNames()).containsExactly("age", "city=Oslo", "income", "sex=female", "sex=male");
    }
}
