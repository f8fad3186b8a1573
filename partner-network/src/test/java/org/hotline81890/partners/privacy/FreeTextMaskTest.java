package org.hotline81890.partners.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FreeTextMaskTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // mobiles, as people write them
        "请打我电话13912345678                 | 请打我电话139****5678",
        "电话 139-1234-5678 找王阿姨           | 电话 139-****-5678 找王阿姨",
        "+86 139 1234 5678                     | +86 139 **** 5678",
        "8613912345678                         | 86139****5678",
        // ID cards, 18 (with X) and 15 characters
        "身份证330203199001011234               | 身份证330***********1234",
        "身份证号33020319900101123X             | 身份证号330***********123X",
        "老身份证330203900101123               | 老身份证330********1123",
        // bank cards
        "卡号6222021234567890123退款           | 卡号***************0123退款",
        "6222 0212 3456 7890                   | **** **** **** 7890",
        // landlines with area code
        "座机0574-87654321                     | 座机0574-****4321",
        "010-12345678                          | 010-****5678",
        // plates
        "车牌浙B12345停在楼下                  | 车牌浙B***45停在楼下",
        "浙B·D1234F                            | 浙B·****4F",
        // left alone: house numbers, times, prices, tickets, dates, short codes
        "中山西路88号3单元501室                 | 中山西路88号3单元501室",
        "工单123456789进度                      | 工单123456789进度",
        "2026-12-04 下午3点，大概200元          | 2026-12-04 下午3点，大概200元",
        "验证码 123456                          | 验证码 123456",
    })
    void identifiersInFreeTextShouldBeMasked(String text, String masked) {
        assertThat(FreeTextMask.mask(text)).isEqualTo(masked);
    }
}
