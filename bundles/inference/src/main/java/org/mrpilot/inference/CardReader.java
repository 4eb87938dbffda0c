package org.mrpilot.inference;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mrpilot.api.inference.ModelCard;
import org.mrpilot.api.inference.ModelRejectedException;
import org.mrpilot.api.inference.Tensor;
import org.mrpilot.api.inference.TensorSpec;

/** Reads a model card (JSON) into a {@link ModelCard}, naming the field when one is missing or malformed. */
final class CardReader {
    private final String label;

    private CardReader(String label) {
        this.label = label;
    }

    static ModelCard read(Path cardFile) throws ModelRejectedException {
        CardReader reader = new CardReader(cardFile.getFileName().toString());
        String text;
        try {
            text = Files.readString(cardFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ModelRejectedException(reader.label, "card file " + cardFile + " does not exist");
        } catch (IOException e) {
            throw new ModelRejectedException(reader.label, "card file " + cardFile + " cannot be read: " + e.getMessage());
        }
        JsonObject root;
        try {
            JsonElement parsed = JsonParser.parseString(text);
            if (!parsed.isJsonObject()) throw new JsonParseException("top level is not an object");
            root = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new ModelRejectedException(reader.label, "card is not valid JSON: " + e.getMessage());
        }
        try {
            return reader.card(root);
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
            throw new ModelRejectedException(reader.label, "card " + cardFile.getFileName() + ": " + e.getMessage());
        }
    }

    private ModelCard card(JsonObject o) {
        String name = string(o, "name");
        Map<String, Double> parameters = new LinkedHashMap<>();
        if (o.has("parameters")) {
            for (var e : o.getAsJsonObject("parameters").entrySet()) parameters.put(e.getKey(), e.getValue().getAsDouble());
        }
        return new ModelCard(name, string(o, "version"), string(o, "sha256").toLowerCase(java.util.Locale.ROOT),
                o.has("description") ? o.get("description").getAsString() : "",
                specs(o, "inputs"), specs(o, "outputs"), parameters, selfTest(o));
    }

    private List<TensorSpec> specs(JsonObject o, String field) {
        List<TensorSpec> specs = new ArrayList<>();
        for (JsonElement e : array(o, field)) {
            JsonObject s = e.getAsJsonObject();
            List<String> shape = new ArrayList<>();
            for (JsonElement d : array(s, "shape")) shape.add(d.getAsString());
            specs.add(new TensorSpec(string(s, "name"), string(s, "dtype"), shape,
                    s.has("unit") ? s.get("unit").getAsString() : "1",
                    s.has("normalisation") ? s.get("normalisation").getAsString() : "none"));
        }
        if (specs.isEmpty()) throw new IllegalArgumentException("'" + field + "' is empty");
        return specs;
    }

    private ModelCard.SelfTest selfTest(JsonObject o) {
        if (!o.has("selfTest")) throw new IllegalArgumentException("field 'selfTest' is missing (golden vectors are required)");
        JsonObject t = o.getAsJsonObject("selfTest");
        return new ModelCard.SelfTest(tensors(t, "inputs"), tensors(t, "outputs"), t.get("tolerance").getAsDouble());
    }

    private Map<String, Tensor> tensors(JsonObject o, String field) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        if (!o.has(field)) throw new IllegalArgumentException("selfTest." + field + " is missing");
        for (var e : o.getAsJsonObject(field).entrySet()) {
            JsonObject t = e.getValue().getAsJsonObject();
            JsonArray shapeJson = array(t, "shape");
            long[] shape = new long[shapeJson.size()];
            for (int i = 0; i < shape.length; i++) shape[i] = shapeJson.get(i).getAsLong();
            JsonArray dataJson = array(t, "data");
            float[] data = new float[dataJson.size()];
            for (int i = 0; i < data.length; i++) data[i] = dataJson.get(i).getAsFloat();
            tensors.put(e.getKey(), new Tensor(shape, data));
        }
        return tensors;
    }

    private static String string(JsonObject o, String field) {
        if (!o.has(field) || o.get(field).isJsonNull()) throw new IllegalArgumentException("field '" + field + "' is missing");
        String s = o.get(field).getAsString();
        if (s.isBlank()) throw new IllegalArgumentException("field '" + field + "' is empty");
        return s;
    }

    private static JsonArray array(JsonObject o, String field) {
        if (!o.has(field) || !o.get(field).isJsonArray()) throw new IllegalArgumentException("field '" + field + "' must be an array");
        return o.getAsJsonArray(field);
    }
}
