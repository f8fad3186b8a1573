package org.hotline81890.directory.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.hotline81890.directory.Directory;
import org.hotline81890.directory.LabelledExample;
import org.hotline81890.directory.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExampleLoaderTest {
    private static final Directory DIRECTORY = DirectoryLoader.loadDefault();

    @Test
    void theShippedExamplesCoverEveryServiceTwentyTimesAndNone() {
        List<LabelledExample> examples = ExampleLoader.loadDefault(DIRECTORY);
        Map<String, Long> perService = examples.stream()
                .collect(Collectors.groupingBy(LabelledExample::label, Collectors.counting()));
        for (Service s : DIRECTORY.services()) {
            assertThat(perService.getOrDefault(s.code(), 0L)).as(s.code()).isGreaterThanOrEqualTo(20);
        }
        assertThat(perService.get(LabelledExample.NONE)).isGreaterThanOrEqualTo(100);
    }

    @Test
    void aBadLineIsAnErrorNamingFileAndLine(@TempDir Path dir) throws IOException {
        Path examples = Files.createDirectories(dir.resolve("examples"));
        Files.writeString(examples.resolve("HK.tsv"), ExampleLoader.HEADER + "\n想找个阿姨做饭\tHK-01\thelp\tok\n"
                + "修空调\tXX-99\thelp\tbad code\n");
        assertThatThrownBy(() -> ExampleLoader.load(dir, DIRECTORY))
                .isInstanceOf(DirectoryFormatException.class)
                .hasMessage("examples/HK.tsv:3: unknown service code 'XX-99'");
        Files.writeString(examples.resolve("HK.tsv"), ExampleLoader.HEADER + "\n想找个阿姨做饭\tHK-01\twish\tbad type\n");
        assertThatThrownBy(() -> ExampleLoader.load(dir, DIRECTORY))
                .hasMessageStartingWith("examples/HK.tsv:2: unknown request type");
        Files.writeString(examples.resolve("HK.tsv"), ExampleLoader.HEADER + "\n想找个阿姨做饭 HK-01 help\n");
        assertThatThrownBy(() -> ExampleLoader.load(dir, DIRECTORY))
                .hasMessageStartingWith("examples/HK.tsv:2: expected text, service_code, request_type");
        Files.writeString(examples.resolve("HK.tsv"), "text\tcode\n");
        assertThatThrownBy(() -> ExampleLoader.load(dir, DIRECTORY))
                .hasMessageStartingWith("examples/HK.tsv:1: the first line must be the header");
    }

    @Test
    void noneRowsHaveNoService(@TempDir Path dir) throws IOException {
        Path examples = Files.createDirectories(dir.resolve("examples"));
        Files.writeString(examples.resolve("NONE.tsv"), ExampleLoader.HEADER + "\n你好\tNONE\tconsultation\tgreeting\n");
        List<LabelledExample> loaded = ExampleLoader.load(dir, DIRECTORY);
        assertThat(loaded).singleElement().satisfies(e -> {
            assertThat(e.isNone()).isTrue();
            assertThat(e.source()).isEqualTo("examples/NONE.tsv:2");
        });
    }
}
