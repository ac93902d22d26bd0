package dev.assay.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.assay.core.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
    @TempDir
    Path dir;

    @Test
    void readsTheBytes() throws Exception {
        Path file = dir.resolve("m.bin");
        Files.write(file, new byte[] {1, 2, 3});
        assertThat(ModelFile.read(file, "model file")).containsExactly(1, 2, 3);
    }

    @Test
    void aMissingFileADirectoryAndAnEmptyFileAreToldApart() throws Exception {
        Path missing = dir.resolve("missing.onnx");
        assertThatThrownBy(() -> ModelFile.read(missing, "ONNX model file")).isInstanceOf(InvalidInputException.class)
                .hasMessage("ONNX model file " + missing + " does not exist. Check the path.");
        Path directory = Files.createDirectory(dir.resolve("model.onnx"));
        assertThatThrownBy(() -> ModelFile.read(directory, "ONNX model file")).isInstanceOf(InvalidInputException.class)
                .hasMessage("ONNX model file " + directory + " is a directory. Give the path of the file itself.");
        Path empty = Files.createFile(dir.resolve("empty.onnx"));
        assertThatThrownBy(() -> ModelFile.read(empty, "ONNX model file")).isInstanceOf(InvalidInputException.class)
                .hasMessage("ONNX model file " + empty + " is empty (0 bytes). It was not written completely; write or copy it again.");
    }

    @Test
    void permissionDeniedSaysToCheckThePermissions() {
        Path file = dir.resolve("locked.onnx");
        InvalidInputException e = ModelFile.unreadable(file, "ONNX model file", new AccessDeniedException(file.toString()));
        assertThat(e).hasMessage("ONNX model file " + file + " is not readable (permission denied). Check its permissions "
                + "(e.g. chmod a+r) or run as a user who may read it.");
        InvalidInputException other = ModelFile.unreadable(file, "ONNX model file", new IOException("Input/output error"));
        assertThat(other).hasMessage("Cannot read ONNX model file " + file + ": Input/output error.");
    }

    @Test
    void aFileWithoutReadPermissionIsReportedAsSuch() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root reads files whatever their permissions");
        Path file = dir.resolve("locked.onnx");
        Files.write(file, new byte[] {1});
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assertThatThrownBy(() -> ModelFile.read(file, "ONNX model file")).isInstanceOf(InvalidInputException.class)
                .hasMessage("ONNX model file " + file + " is not readable (permission denied). Check its permissions "
                        + "(e.g. chmod a+r) or run as a user who may read it.");
    }
}
