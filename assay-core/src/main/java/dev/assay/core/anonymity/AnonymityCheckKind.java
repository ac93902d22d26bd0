package dev.assay.core.anonymity;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckConfig;
import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckKind;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.MeasuringCheck;
import dev.assay.core.check.Observations;
import dev.assay.core.check.Requirements;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Measurement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code type: anonymity}: k-anonymity, l-diversity and t-closeness of the current data over declared
 * quasi-identifiers ({@link AnonymityAnalysis}). Measures {@code k_anonymity}, {@code share_below_k},
 * {@code breaking_combinations} (their number) and, with a {@code sensitive} column, {@code l_diversity_distinct},
 * {@code l_diversity_entropy}, {@code l_diversity_recursive}, {@code t_closeness_equal} and, for a numeric sensitive
 * column, {@code t_closeness_ordered}. Example: {@code fail: k_anonymity >= 5}.
 */
public final class AnonymityCheckKind implements CheckKind {
    private static final List<String> MEASURES = List.of("k_anonymity", "share_below_k", "breaking_combinations", "l_diversity_distinct",
            "l_diversity_entropy", "l_diversity_recursive", "t_closeness_equal", "t_closeness_ordered");

    @Override
    public String id() {
        return "anonymity";
    }

    @Override
    public String description() {
        return "k-anonymity, l-diversity and t-closeness over quasi-identifiers, and the smallest column combinations that break k.";
    }

    @Override
    public List<ConfigKey> keys() {
        return List.of(new ConfigKey("quasi_identifiers", "the columns an attacker could link, e.g. [age, sex, zip] (required)"),
                new ConfigKey("sensitive", "the sensitive column, for l-diversity and t-closeness"),
                new ConfigKey("k", "the k to reach; rows in smaller classes are counted (default 5)"),
                new ConfigKey("c", "c of recursive (c,l)-diversity (default 2)"),
                new ConfigKey("max_distinct", "most distinct values of a numeric quasi-identifier before it must be binned (default 100; 0: none)"));
    }

    @Override
    public String measures() {
        return String.join(", ", MEASURES);
    }

    @Override
    public Requirements requires() {
        return Requirements.NONE;
    }

    @Override
    public String defaultName(CheckConfig config) {
        return "Anonymity over " + String.join(", ", config.strings("quasi_identifiers"));
    }

    @Override
    public Check create(CheckConfig config, CheckSetup setup) {
        List<String> qis = config.strings("quasi_identifiers");
        if (qis.isEmpty()) {
            throw config.error("quasi_identifiers", "'quasi_identifiers' is required: list the columns an attacker could link, e.g. [age, sex, zip].");
        }
        long k = config.integer("k", AnonymitySettings.DEFAULT_K);
        if (k < 1 || k > Integer.MAX_VALUE) {
            throw config.error("k", "'k' must be a whole number of at least 1, found " + k + ".");
        }
        double c = config.number("c", AnonymitySettings.DEFAULT_C);
        if (!(c > 0)) {
            throw config.error("c", "'c' must be above 0, found " + config.string("c", null) + ".");
        }
        long maxDistinct = config.integer("max_distinct", AnonymitySettings.DEFAULT_MAX_DISTINCT);
        if (maxDistinct < 0 || maxDistinct > Integer.MAX_VALUE) {
            throw config.error("max_distinct", "'max_distinct' must be 0 (no limit) or a positive whole number, found " + maxDistinct + ".");
        }
        String sensitive = config.string("sensitive", null);
        if (sensitive != null && qis.contains(sensitive)) {
            throw config.error("sensitive", "The sensitive column '" + sensitive + "' is also a quasi-identifier: name it in one place.");
        }
        return new AnonymityCheck(setup, new AnonymitySettings(qis, sensitive, (int) k, c, (int) maxDistinct));
    }

    private static final class AnonymityCheck extends MeasuringCheck {
        private final AnonymitySettings settings;

        AnonymityCheck(CheckSetup setup, AnonymitySettings settings) {
            super(setup, "anonymity", MEASURES, Requirements.NONE);
            this.settings = settings;
        }

        @Override
        protected Map<String, String> ownSettings() {
            Map<String, String> out = new LinkedHashMap<>();
            out.put("quasi_identifiers", String.join(", ", settings.quasiIdentifiers()));
            if (settings.sensitive() != null) {
                out.put("sensitive", settings.sensitive());
            }
            out.put("k", Integer.toString(settings.k()));
            out.put("c", Double.toString(settings.c()));
            out.put("max_distinct", Integer.toString(settings.maxDistinct()));
            return out;
        }

        @Override
        protected Observations measure(CheckContext context) {
            AnonymityReport r = AnonymityAnalysis.analyse(context.current().frame(), settings);
            int n = r.rows();
            KAnonymity k = r.kAnonymity();
            Observations obs = new Observations();
            obs.measurement(Measurement.of("k_anonymity", k.k(), n));
            obs.measurement(Measurement.of("share_below_k", k.shareBelow(), n));
            obs.measurement(Measurement.of("breaking_combinations", r.breakingCombinations().size(), n));
            List<List<Object>> values = new ArrayList<>();
            values.add(List.of("k-anonymity (smallest class)", k.k()));
            values.add(List.of("equivalence classes", k.classes()));
            values.add(List.of("rows in classes below k=" + k.required(), k.rowsBelow()));
            if (r.lDiversity() != null) {
                LDiversity l = r.lDiversity();
                TCloseness t = r.tCloseness();
                obs.measurement(Measurement.of("l_diversity_distinct", l.distinct(), n));
                obs.measurement(Measurement.of("l_diversity_entropy", l.entropy(), n));
                obs.measurement(Measurement.of("l_diversity_recursive", l.recursive(), n));
                obs.measurement(Measurement.of("t_closeness_equal", t.equal(), n));
                values.add(List.of("distinct l-diversity", l.distinct()));
                values.add(List.of("entropy l-diversity", l.entropy()));
                values.add(List.of("recursive (c=" + l.c() + ", l)-diversity", l.recursive()));
                values.add(List.of("t-closeness, equal distance", t.equal()));
                if (!Double.isNaN(t.ordered())) {
                    obs.measurement(Measurement.of("t_closeness_ordered", t.ordered(), n));
                    values.add(List.of("t-closeness, ordered distance", t.ordered()));
                }
            }
            obs.table(new EvidenceTable("Anonymity measures",
                    List.of("measure", "value"), values));
            List<List<Object>> breaking = new ArrayList<>();
            r.breakingCombinations().forEach(b -> breaking.add(List.of(String.join(" + ", b), b.size())));
            obs.table(new EvidenceTable("Smallest quasi-identifier combinations with classes below k=" + k.required(),
                    List.of("columns", "size"), breaking));
            obs.summary("k = " + k.k() + " over " + String.join(", ", settings.quasiIdentifiers()) + "; " + k.rowsBelow() + " of " + n
                    + " rows in classes below " + k.required() + ".");
            return obs;
        }
    }
}
