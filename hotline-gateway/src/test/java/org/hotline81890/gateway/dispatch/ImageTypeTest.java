package org.hotline81890.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ImageTypeTest {
    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    @Test
    void imagesAreToldByTheirFirstBytes() {
        assertThat(ImageType.sniff(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))).contains(ImageType.JPEG);
        assertThat(ImageType.sniff(bytes(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0))).contains(ImageType.PNG);
        assertThat(ImageType.sniff("RIFF\u0000\u0000\u0000\u0000WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1)))
                .contains(ImageType.WEBP);
    }

    @Test
    void anythingElseIsNoImageWhateverItsNameOrType() {
        assertThat(ImageType.sniff("<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(ImageType.sniff("GIF89a".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(ImageType.sniff("RIFF\u0000\u0000\u0000\u0000WAVE".getBytes(StandardCharsets.ISO_8859_1)))
                .isEmpty();
        assertThat(ImageType.sniff(bytes(0x89, 'P', 'N', 'G'))).as("cut short").isEmpty();
        assertThat(ImageType.sniff(new byte[0])).isEmpty();
    }

    @Test
    void storedNamesAreRandomHexWithTheTypesExtension() {
        assertThat(CompletionPhoto.typeOf("0123456789abcdef0123456789abcdef.png")).contains(ImageType.PNG);
        assertThat(CompletionPhoto.isName("../0123456789abcdef0123456789abcdef.png")).isFalse();
        assertThat(CompletionPhoto.isName("0123456789abcdef0123456789abcdef.svg")).isFalse();
        assertThat(CompletionPhoto.isName("我的照片.png")).isFalse();
    }
}
