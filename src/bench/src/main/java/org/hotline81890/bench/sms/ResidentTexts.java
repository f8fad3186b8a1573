package org.hotline81890.bench.sms;

import java.util.List;
import java.util.Map;

import io.vertx.core.json.JsonArray;

/**
 * What the load floods say (issue 18): requests as residents text them, across the directory's services, so the
 * matcher does its real work per text (no two texts of a flood are equal: each starts with "load N"). {@code --texts
 * plain} floods "load N" alone, as before.
 */
final class ResidentTexts {
    static final List<String> ZH = List.of(
            "小区门口的路灯坏了好几天了晚上很黑",
            "楼上邻居半夜装修噪音太大睡不着",
            "家里水管爆了水漏到楼下请尽快派人",
            "厨房下水道堵了需要疏通",
            "我家空调不制冷了想找人上门维修",
            "老人一个人在家需要有人帮忙买菜",
            "小区垃圾好几天没人清运臭味很大",
            "马路上井盖丢了很危险",
            "家里停电了整栋楼都没电",
            "热水器打不着火请师傅来看看",
            "想咨询一下社保卡怎么补办",
            "医保报销需要准备哪些材料",
            "门锁坏了进不了家门请开锁师傅",
            "电梯困人了已经十分钟",
            "小区里有流浪狗咬人",
            "楼道里堆满杂物影响消防通道",
            "想找一个钟点工每周打扫两次",
            "冰箱不制冷了保修期已过",
            "孩子上学的户口迁移怎么办理",
            "公交站牌被撞倒了",
            "家里马桶漏水一直在流",
            "洗衣机排水有问题想找人修",
            "楼下餐馆油烟太大熏到家里",
            "我要投诉出租车司机绕路",
            "请问独居老人有没有上门送餐服务",
            "小区停车位被外来车辆占用",
            "窗户玻璃碎了需要更换",
            "自来水发黄不能喝",
            "天然气表不走字了",
            "想给家里装一个扶手老人洗澡用",
            "路边树枝快断了挡住人行道",
            "燃气灶点不着火需要维修",
            "电视机没信号了有线电视",
            "想了解一下居家养老补贴怎么申请",
            "家里墙面渗水发霉",
            "邻居家狗整夜叫",
            "网络宽带断了好几个小时",
            "想请人帮忙搬家下周六",
            "卫生间瓷砖掉了",
            "小区绿化带里有很多蚊子想请人消杀");

    private ResidentTexts() {
    }

    /** The texts for {@code --texts} (zh, the default, or plain). */
    static JsonArray of(Map<String, String> args) {
        return "plain".equals(args.getOrDefault("texts", "zh")) ? new JsonArray() : new JsonArray(ZH);
    }
}
