package org.hotline81890.bench.directory;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.hotline81890.directory.Directory;
import org.hotline81890.directory.Service;
import org.hotline81890.directory.load.DirectoryLoader;
import org.hotline81890.directory.match.MatchResult;
import org.hotline81890.directory.match.PinyinIndex;
import org.hotline81890.directory.match.TextMatcher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of one {@link TextMatcher#match} call (sample mode gives p50/p99/p99.9) and of one agent keystroke in
 * {@link PinyinIndex#search}. Run: see service-directory/README.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TextMatcherBenchmark {
    static final String[] TEXTS = {
        "卫生间地漏堵住了 水都漫出来 麻烦派个师傅来通一下",
        "请问办居住证需要准备哪些材料",
        "我们楼下那家烧烤店天天半夜还在营业 吵死了",
        "建议公交公司在我们小区门口增设一个公交站",
        "隔壁楼道着火了 好大的烟",
        "家里的冰相不制冷了 里面的肉都化了 能不能今天来修",
        "kai suo duo shao qian",
        "The toilet is blocked and overflowing, can someone come this afternoon?",
        "您好",
        "【优惠】恭喜您获得贷款额度 点击链接领取 回复TD退订",
        "我妈八十多了一个人住 想找人每天中午送个饭 顺便看看她身体怎么样 我们在外地工作回不来",
        "公积金贷款买房利率多少 能贷几年",
        "小区门口的路灯坏了半个月了 晚上出门太黑 老人摔了好几次 物业也不管",
        "zhao ge zhong dian gong da sao wei sheng",
        "Where can I pay my electricity bill online?",
        "电梯卡住了 里面有人出不来 快来",
    };
    private static final String[] KEYSTROKES = {"k", "ka", "kai", "kais", "kaisuo", "g", "gd", "gdst", "开", "开锁"};

    private TextMatcher matcher;
    private PinyinIndex index;
    private int next;

    @Setup
    public void setUp() {
        Directory directory = DirectoryLoader.loadDefault();
        matcher = new TextMatcher(directory);
        index = new PinyinIndex(directory);
    }

    @Benchmark
    public MatchResult match() {
        next = (next + 1) % TEXTS.length;
        return matcher.match(TEXTS[next]);
    }

    @Benchmark
    public List<Service> agentKeystroke() {
        next = (next + 1) % KEYSTROKES.length;
        return index.search(KEYSTROKES[next], 10);
    }
}
