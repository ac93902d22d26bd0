package dev.assay.core.vision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.error.InvalidInputException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads COCO ground truth ({@code images}, {@code annotations}, {@code categories}) and a detections list
 * ({@code [{image_id, category_id, bbox, score}]}, or {@code segmentation} as RLE for masks), as
 * pycocotools' {@code COCO} and {@code loadRes} (coco.py lines 305-364) read them. Every error names the
 * file, the entry and the field. Polygon segmentations are drawn on their image's {@code height x width}
 * by {@link Polygons}, as {@code COCO.annToRLE} (coco.py lines 413-432) does.
 */
public final class CocoJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CocoJson() {
    }

    /** Reads both files for evaluation of {@code type}. */
    public static CocoDataset read(Path groundTruth, Path detections, IouType type) {
        JsonNode gt = parse(groundTruth);
        if (!gt.isObject()) {
            throw new InvalidInputException(groundTruth + ": expected a COCO object with 'images', 'annotations' and "
                    + "'categories', found " + kind(gt) + ".");
        }
        Entries images = new Entries(groundTruth, gt, "images", Map.of(), Map.of());
        long[] imageIds = new long[images.size()];
        Set<Long> seen = new HashSet<>();
        Map<Long, Integer> rows = new HashMap<>();
        Map<Long, Integer> columns = new HashMap<>();
        for (int i = 0; i < images.size(); i++) {
            imageIds[i] = images.id(i, "id");
            if (images.node(i).has("height") && images.node(i).has("width")) {
                rows.put(imageIds[i], (int) images.id(i, "height"));
                columns.put(imageIds[i], (int) images.id(i, "width"));
            }
            if (!seen.add(imageIds[i])) {
                throw images.error(i, "id", "image id " + imageIds[i] + " appears twice; give each image its own id");
            }
        }
        java.util.Arrays.sort(imageIds);
        Entries cats = new Entries(groundTruth, gt, "categories", Map.of(), Map.of());
        List<CocoCategory> categories = new ArrayList<>();
        Set<Long> catIds = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < cats.size(); i++) {
            long id = cats.id(i, "id");
            if (!catIds.add(id)) {
                throw cats.error(i, "id", "category id " + id + " appears twice; give each category its own id");
            }
            JsonNode nameNode = cats.node(i).get("name");
            String name = nameNode == null || nameNode.isNull() || nameNode.asText().isBlank() ? Long.toString(id)
                    : nameNode.asText().strip();
            if (!names.add(name)) {
                throw cats.error(i, "name", "category name '" + name + "' appears twice; conditions address categories by "
                        + "name, so give each its own");
            }
            categories.add(new CocoCategory(id, name));
        }
        categories.sort(Comparator.comparingLong(CocoCategory::id));
        Entries anns = new Entries(groundTruth, gt, "annotations", rows, columns);
        List<CocoObject> truth = new ArrayList<>();
        for (int i = 0; i < anns.size(); i++) {
            JsonNode crowdNode = anns.node(i).get("iscrowd");
            boolean crowd = crowdNode != null && crowdNode.asInt(0) != 0;
            double[] box = type == IouType.BBOX ? anns.box(i) : null;
            RleMask mask = type == IouType.SEGM ? anns.mask(i) : null;
            double area = anns.node(i).has("area") ? anns.number(i, "area")
                    : box != null ? box[2] * box[3] : mask.area();
            truth.add(new CocoObject(anns.id(i, "id"), anns.id(i, "image_id"), anns.id(i, "category_id"), box, mask, area,
                    crowd, 0));
        }
        return new CocoDataset(imageIds, categories, truth, readDetections(detections, type, seen, rows, columns));
    }

    private static List<CocoObject> readDetections(Path file, IouType type, Set<Long> images, Map<Long, Integer> rows,
            Map<Long, Integer> columns) {
        JsonNode root = parse(file);
        if (!root.isArray()) {
            throw new InvalidInputException(file + ": expected a list of detections [{\"image_id\", \"category_id\", \"bbox\", "
                    + "\"score\"}, ...], found " + kind(root) + ".");
        }
        Entries dets = new Entries(file, root, null, rows, columns);
        boolean boxArea = dets.size() > 0 && dets.node(0).has("bbox") && dets.node(0).get("bbox").size() > 0;
        List<CocoObject> out = new ArrayList<>();
        for (int i = 0; i < dets.size(); i++) {
            long image = dets.id(i, "image_id");
            if (!images.contains(image)) {
                throw dets.error(i, "image_id", "image " + image + " is not among the ground truth's images; detections "
                        + "must be for images of the ground truth file");
            }
            double score = dets.number(i, "score");
            double[] box = type == IouType.BBOX || boxArea ? dets.box(i) : null;
            RleMask mask = type == IouType.SEGM ? dets.mask(i) : null;
            double area = boxArea ? box[2] * box[3] : mask.area();
            out.add(new CocoObject(i + 1, image, dets.id(i, "category_id"), box, mask, area, false, score));
        }
        return out;
    }

    private static JsonNode parse(Path file) {
        try {
            return MAPPER.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": no such file.");
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(file + ": not UTF-8 text, so not a COCO JSON file; give the annotations or "
                    + "detections as UTF-8 JSON.");
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(file + ": not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage() + ".");
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot be read: " + e.getMessage());
        }
    }

    private static String kind(JsonNode n) {
        return n == null || n.isMissingNode() ? "nothing" : n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }

    /** The entries of one list of a file, with error messages naming file, list, index and field. */
    private static final class Entries {
        private final Path file;
        private final JsonNode list;
        private final String name;
        private final Map<Long, Integer> rows;
        private final Map<Long, Integer> columns;

        Entries(Path file, JsonNode root, String member, Map<Long, Integer> rows, Map<Long, Integer> columns) {
            this.file = file;
            this.rows = rows;
            this.columns = columns;
            this.name = member == null ? "detections" : member;
            this.list = member == null ? root : root.get(member);
            if (list == null || !list.isArray()) {
                throw new InvalidInputException(file + ": '" + member + "' must be a list, found " + kind(list) + ".");
            }
        }

        int size() {
            return list.size();
        }

        JsonNode node(int i) {
            JsonNode n = list.get(i);
            if (!n.isObject()) {
                throw new InvalidInputException(where(i) + " must be an object, found " + kind(n) + ".");
            }
            return n;
        }

        long id(int i, String field) {
            JsonNode v = node(i).get(field);
            if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
                throw error(i, field, "expected a whole number, found " + (v == null ? "nothing" : v.toString()));
            }
            return v.asLong();
        }

        double number(int i, String field) {
            JsonNode v = node(i).get(field);
            if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
                throw error(i, field, "expected a finite number, found " + (v == null ? "nothing" : v.toString()));
            }
            return v.asDouble();
        }

        double[] box(int i) {
            JsonNode v = node(i).get("bbox");
            if (v == null || !v.isArray() || v.size() != 4) {
                throw error(i, "bbox", "expected [x, y, width, height] (4 numbers), found " + (v == null ? "nothing" : v));
            }
            double[] b = new double[4];
            for (int j = 0; j < 4; j++) {
                if (!v.get(j).isNumber() || !Double.isFinite(v.get(j).asDouble())) {
                    throw error(i, "bbox", "expected [x, y, width, height] (4 numbers), found " + v);
                }
                b[j] = v.get(j).asDouble();
            }
            if (b[2] < 0 || b[3] < 0) {
                throw error(i, "bbox", "width and height must not be negative, found " + v
                        + "; COCO boxes are [x, y, width, height], not corners");
            }
            return b;
        }

        RleMask mask(int i) {
            JsonNode v = node(i).get("segmentation");
            if (v != null && v.isArray()) {
                return polygons(i, v);
            }
            if (v == null || !v.isObject()) {
                throw error(i, "segmentation", "expected polygons [[x1, y1, x2, y2, ...], ...] or RLE {\"size\": [height, "
                        + "width], \"counts\": ...}, found " + (v == null ? "nothing" : v.toString()));
            }
            JsonNode size = v.get("size");
            JsonNode counts = v.get("counts");
            if (size == null || !size.isArray() || size.size() != 2 || !size.get(0).canConvertToInt()
                    || !size.get(1).canConvertToInt() || counts == null) {
                throw error(i, "segmentation", "expected RLE {\"size\": [height, width], \"counts\": ...}, found " + v);
            }
            int h = size.get(0).asInt();
            int w = size.get(1).asInt();
            try {
                if (counts.isTextual()) {
                    return RleMask.fromCompressed(h, w, counts.asText());
                }
                if (!counts.isArray()) {
                    throw new InvalidInputException("'counts' must be a string or a list of whole numbers.");
                }
                long[] c = new long[counts.size()];
                for (int j = 0; j < c.length; j++) {
                    if (!counts.get(j).isIntegralNumber()) {
                        throw new InvalidInputException("'counts' must be a string or a list of whole numbers.");
                    }
                    c[j] = counts.get(j).asLong();
                }
                return new RleMask(h, w, c);
            } catch (InvalidInputException e) {
                throw error(i, "segmentation", e.getMessage());
            }
        }

        private RleMask polygons(int i, JsonNode list) {
            long image = id(i, "image_id");
            if (!rows.containsKey(image)) {
                throw error(i, "segmentation", "polygons are drawn on their image, but image " + image + " has no 'height' "
                        + "and 'width' in the ground truth's 'images'; add them");
            }
            List<double[]> parts = new ArrayList<>();
            for (JsonNode p : list) {
                if (!p.isArray()) {
                    throw error(i, "segmentation", "expected a list of polygons [[x1, y1, x2, y2, ...], ...], found " + list);
                }
                double[] xy = new double[p.size()];
                for (int j = 0; j < xy.length; j++) {
                    if (!p.get(j).isNumber() || !Double.isFinite(p.get(j).asDouble())) {
                        throw error(i, "segmentation", "polygon coordinates must be finite numbers, found " + p.get(j));
                    }
                    xy[j] = p.get(j).asDouble();
                }
                parts.add(xy);
            }
            try {
                return Polygons.toMask(parts, rows.get(image), columns.get(image));
            } catch (InvalidInputException e) {
                throw error(i, "segmentation", e.getMessage());
            }
        }

        InvalidInputException error(int i, String field, String message) {
            String text = message.endsWith(".") ? message : message + ".";
            return new InvalidInputException(where(i) + ", field '" + field + "': " + text);
        }

        private String where(int i) {
            return file + ": " + name + "[" + i + "]";
        }
    }
}
