package org.hotline81890.directory.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline81890.directory.Directory;
import org.hotline81890.directory.load.DirectoryLoader;
import org.junit.jupiter.api.Test;

class IvrMenuTest {
    private static final Directory DIRECTORY = DirectoryLoader.loadDefault();
    private final IvrMenu menu = new IvrMenu(DIRECTORY, new IvrSettings(true, 8));

    @Test
    void offByDefault() {
        assertThat(DirectoryLoader.loadDefaultIvrSettings()).isEqualTo(IvrSettings.defaults());
        assertThat(new IvrMenu(DIRECTORY, DirectoryLoader.loadDefaultIvrSettings()).enabled()).isFalse();
    }

    @Test
    void categoryThenServiceReachesAService() {
        IvrNode root = menu.root();
        assertThat(root.prompt()).first().isEqualTo("按1，家政服务");
        assertThat(root.prompt()).contains("按9，更多", "按0，人工服务");
        IvrStep step = menu.press(root, '2');
        IvrNode repairs = ((IvrStep.Menu) step).node();
        assertThat(repairs.category().orElseThrow().code()).isEqualTo("RP");
        IvrStep chosen = menu.press(repairs, '2');
        assertThat(chosen).isInstanceOfSatisfying(IvrStep.Chosen.class,
                c -> assertThat(c.service().code()).isEqualTo("RP-02"));
    }

    @Test
    void nineTurnsThePageAndStarGoesBack() {
        IvrNode page2 = ((IvrStep.Menu) menu.press(menu.root(), '9')).node();
        assertThat(page2.page()).isEqualTo(1);
        IvrNode category = ((IvrStep.Menu) menu.press(page2, '1')).node();
        assertThat(category.category().orElseThrow()).isEqualTo(DIRECTORY.categories().get(8));
        IvrNode back = ((IvrStep.Menu) menu.press(category, '*')).node();
        assertThat(back).isEqualTo(menu.root());
        IvrNode hkPage2 = ((IvrStep.Menu) menu.press(((IvrStep.Menu) menu.press(menu.root(), '1')).node(), '9'))
                .node();
        assertThat(((IvrStep.Chosen) menu.press(hkPage2, '3')).service().code()).isEqualTo("HK-11");
    }

    @Test
    void zeroReachesAnAgentAndUnusedDigitsAreInvalid() {
        assertThat(menu.press(menu.root(), '0')).isInstanceOf(IvrStep.ToAgent.class);
        IvrNode lastPage = ((IvrStep.Menu) menu.press(((IvrStep.Menu) menu.press(menu.root(), '9')).node(), '9'))
                .node();
        assertThat(lastPage.page()).isEqualTo(2);
        assertThat(menu.press(lastPage, '8')).isInstanceOf(IvrStep.Invalid.class);
        assertThat(menu.press(lastPage, '#')).isInstanceOf(IvrStep.Invalid.class);
    }
}
