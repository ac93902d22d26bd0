package dev.assay.report;

/** The inline style sheet of {@code report.html}: responsive, print-friendly, WCAG AA contrast for badges. */
public final class HtmlStyle {

    private HtmlStyle() {
    }

    /** The style sheet, also used by the monitoring dashboard. */
    public static final String CSS = """
            :root{--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;--soft:#f6f8fa;\
            --pass:#1a7f37;--pass-bg:#dafbe1;--warn:#9a6700;--warn-bg:#fff8c5;--fail:#cf222e;--fail-bg:#ffebe9;\
            --error:#6639ba;--error-bg:#fbefff;--skipped:#59636e;--skipped-bg:#eff2f5}
            *{box-sizing:border-box}
            html{-webkit-text-size-adjust:100%}
            body{margin:0;color:var(--ink);background:#fff;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
            .wrap{max-width:1180px;margin:0 auto;padding:0 16px}
            .banner{border-top:6px solid var(--c);background:var(--bg);padding:20px 0 16px;border-bottom:1px solid var(--line)}
            .s-pass{--c:var(--pass);--bg:var(--pass-bg)}.s-warn{--c:var(--warn);--bg:var(--warn-bg)}\
            .s-fail{--c:var(--fail);--bg:var(--fail-bg)}.s-error{--c:var(--error);--bg:var(--error-bg)}\
            .s-skipped{--c:var(--skipped);--bg:var(--skipped-bg)}
            .eyebrow{margin:0 0 4px;font-size:12px;font-weight:600;letter-spacing:.06em;text-transform:uppercase;color:var(--muted)}
            h1{margin:0 0 8px;font-size:26px;line-height:1.25;display:flex;flex-wrap:wrap;align-items:center;gap:8px 12px;overflow-wrap:anywhere}
            .verdict{background:var(--c);color:#fff;border-radius:6px;padding:2px 12px;font-size:22px;letter-spacing:.04em}
            .description{margin:0 0 12px;color:var(--muted);max-width:75ch}
            .counts{list-style:none;margin:0 0 10px;padding:0;display:flex;flex-wrap:wrap;gap:8px}
            .count{border:1px solid var(--line);border-left:4px solid var(--c);background:#fff;border-radius:6px;padding:2px 10px;font-size:14px}
            .count b{font-size:16px}
            .count.zero{opacity:.6;border-left-color:var(--line)}
            .meta{margin:0 0 8px;color:var(--muted);font-size:14px;display:flex;flex-wrap:wrap;gap:4px 16px}
            .provenance{background:#fff;border:1px solid var(--line);border-radius:8px;padding:8px 12px;margin-top:8px}
            .provenance summary{cursor:pointer;font-weight:600;font-size:14px}
            .provenance h3{font-size:14px;margin:12px 0 4px}
            .kv{display:grid;grid-template-columns:minmax(0,max-content) 1fr;gap:2px 16px;margin:0;font-size:14px}
            .kv dt{color:var(--muted);overflow-wrap:anywhere;max-width:40vw}.kv dd{margin:0;overflow-wrap:anywhere}
            .path,.hash,.code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px}
            .hash{overflow-wrap:anywhere;min-width:36ch}.path{min-width:24ch}
            h2.section{font-size:18px;margin:24px 0 12px}
            .hint{font-size:13px;font-weight:400;color:var(--muted);margin-left:6px}
            .check{border:1px solid var(--line);border-left:5px solid var(--c);border-radius:8px;margin:0 0 12px;background:#fff}
            .check>summary{cursor:pointer;list-style:none;display:grid;grid-template-columns:auto 1fr auto auto;gap:2px 12px;align-items:baseline;padding:10px 14px}
            .check>summary::-webkit-details-marker{display:none}
            .check>summary::after{content:"\\25B8";color:var(--muted);grid-row:1;grid-column:4}
            .check[open]>summary::after{content:"\\25BE"}
            .check[open]>summary{border-bottom:1px solid var(--line)}
            .check.s-fail>summary,.check.s-error>summary{background:var(--bg);border-radius:3px 7px 0 0}
            .name{font-weight:600;overflow-wrap:anywhere}
            .kind{color:var(--muted);font-size:13px;white-space:nowrap}
            .headline{grid-column:2/5;grid-row:2;color:var(--muted);font-size:14px;overflow-wrap:anywhere}
            .badge{display:inline-block;min-width:78px;text-align:center;background:var(--c);color:#fff;border-radius:4px;padding:1px 8px;font-size:12px;font-weight:700;letter-spacing:.04em}
            .body{padding:4px 14px 14px}
            .body h3{font-size:14px;margin:16px 0 6px;color:var(--ink)}
            .message{margin:12px 0 0;padding:8px 12px;background:var(--soft);border-radius:6px;white-space:pre-wrap;overflow-wrap:anywhere}
            .table-wrap{overflow-x:auto;-webkit-overflow-scrolling:touch;border:1px solid var(--line);border-radius:6px;max-width:100%}
            table{border-collapse:collapse;width:100%;font-size:14px}
            th,td{text-align:left;padding:6px 10px;border-bottom:1px solid var(--line);vertical-align:top}
            tbody tr:last-child td{border-bottom:0}
            th{background:var(--soft);font-weight:600;white-space:nowrap;font-size:13px}
            .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            td small{display:block;color:var(--muted);font-size:12px}
            .value{font-weight:600}
            .undefined{color:var(--muted);font-style:italic;font-weight:400}
            .warning{color:#7d4e00}
            .conditions td.code{white-space:nowrap}
            .check[open] .headline.from-message{display:none}
            .conditions td:last-child,.measurements td:last-child{min-width:18ch}
            .conditions td.detail{min-width:26em}
            .table-wrap.fit{display:inline-block;vertical-align:top}
            .table-wrap.fit table{width:auto;min-width:min(100%,420px)}
            .notes{margin:0;padding-left:20px}
            .charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,440px),1fr));gap:16px;margin-top:16px}
            figure{margin:0;border:1px solid var(--line);border-radius:6px;padding:8px;background:#fff;break-inside:avoid;display:flex;flex-direction:column}
            figure svg{display:block;width:100%;max-width:500px;height:auto;margin:0 auto}
            figcaption{font-size:13px;color:var(--muted);margin-top:auto;padding-top:6px}
            .empty{color:var(--muted)}
            footer{color:var(--muted);font-size:13px;padding-top:8px;padding-bottom:32px}
            @media (max-width:600px){body{font-size:14px}h1{font-size:21px}.verdict{font-size:18px}\
            .check>summary{grid-template-columns:auto 1fr auto}.check>summary::after{grid-column:3}\
            .kind{grid-column:2;grid-row:2;white-space:normal}.headline{grid-column:1/4;grid-row:3}th,td{padding:5px 8px}.wrap{padding:0 10px}.body{padding:4px 10px 12px}.check>summary{padding:10px}figure{padding:4px}}
            @media print{body{font-size:12px}.banner{background:none}figure,tr{break-inside:avoid}.charts{grid-template-columns:repeat(2,minmax(0,1fr))}.check>summary,h3{break-after:avoid}\
            .check>summary::after,.check[open]>summary::after{content:none}.table-wrap{overflow:visible;border:0}\
            .conditions td.code,th{white-space:normal;overflow-wrap:anywhere}\
            .conditions td:last-child,.measurements td:last-child{min-width:0}.headline.from-message{display:none}\
            *{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
            @media print{details::details-content{content-visibility:visible;display:contents}}
            """;
}
