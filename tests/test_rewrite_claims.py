"""The fact guard's claims, case by case: every kind of unfaithful rewrite the issue lists is refused
with a Vietnamese reason naming the claim, and every faithful rewrite it listed as wrongly refused passes."""

from __future__ import annotations

import pytest

from broadcaster.production.rewrite.claims import read
from broadcaster.production.rewrite.guard import check_rewrite
from broadcaster.production.rewrite.terms import Terms

FEE = (
    "Thủ tục đăng ký kinh doanh hộ kinh doanh có lệ phí 100.000 đồng. Nộp hồ sơ trực tuyến được giảm 50% lệ phí, "
    "còn 50.000 đồng. Bà con nộp tại Bộ phận một cửa của xã trước ngày 20/12/2026."
)
MEETING = (
    "Ban nhân dân thôn 2 tổ chức họp dân lúc 14h00 thứ Năm, ngày 03/12/2026 tại hội trường thôn. "
    "Đề nghị mỗi hộ cử một đại diện dự họp."
)
AID = (
    "Ủy ban nhân dân xã hỗ trợ người từ 60 tuổi trở lên thuộc hộ nghèo, tối đa 2.000.000 đồng/hộ. Hồ sơ gồm tờ "
    "khai và giấy xác nhận hộ nghèo. Đối với hộ chưa có sổ hộ nghèo, bà con liên hệ văn phòng ủy ban nhân dân xã "
    "trước ngày 15/12/2026. Việc xét duyệt được miễn phí."
)
VILLAGES = (
    "Trạm Y tế xã phun thuốc diệt muỗi ngày 02/12/2026: thôn 3 vào buổi sáng, thôn 4 vào buổi chiều. "
    "Đề nghị các hộ mở cửa nhà khi phun."
)


@pytest.mark.parametrize(
    "source, rewrite, fragment",
    [
        # negation and polarity
        (
            "Việc xét duyệt được miễn phí. Hạn nộp trước ngày 15/12/2026.",
            "Việc xét duyệt phải nộp phí. Hạn nộp trước ngày 15/12/2026.",
            "phí “phải nộp phí” (gốc: “miễn phí”)",
        ),
        (
            "Khi đi, bà con không cần mang hộ khẩu, chỉ mang căn cước công dân.",
            "Khi đi, bà con cần mang hộ khẩu và căn cước công dân.",
            "giấy tờ cần mang “hộ khẩu” (gốc: “không cần mang hộ khẩu”)",
        ),
        (
            "Các hộ chưa được cấp sổ hộ nghèo liên hệ trưởng thôn.",
            "Các hộ đã được cấp sổ hộ nghèo liên hệ trưởng thôn.",
            "(gốc: “chưa được cấp”)",
        ),
        # obligation and manner
        (
            "Bà con có thể nộp hồ sơ tại trưởng thôn.",
            "Bà con phải nộp hồ sơ tại trưởng thôn.",
            "bắt buộc “phải nộp” (gốc: “có thể nộp”)",
        ),
        (
            "Bà con phải nộp hồ sơ tại trưởng thôn.",
            "Bà con nên nộp hồ sơ tại trưởng thôn.",
            "khuyên nên “nên nộp” (gốc: “phải nộp”)",
        ),
        (FEE, FEE.replace("Nộp hồ sơ trực tuyến", "Nộp hồ sơ trực tiếp"), "cách thức “trực tiếp” (gốc: “trực tuyến”)"),
        (VILLAGES, VILLAGES.replace("mở cửa", "đóng cửa"), "cách thức “đóng cửa” (gốc: “mở cửa”)"),
        # direction and comparison
        (
            FEE,
            FEE.replace("trước ngày", "sau ngày"),
            "vai trò của thời gian “sau 20/12/2026” (gốc: “hạn chót 20/12/2026”)",
        ),
        (AID, AID.replace("từ 60 tuổi trở lên", "dưới 60 tuổi"), "ngưỡng “dưới 60” (gốc: “tối thiểu 60”)"),
        (AID, AID.replace("tối đa", "tối thiểu"), "ngưỡng “tối thiểu 2.000.000 đồng” (gốc: “tối đa 2.000.000 đồng”)"),
        (
            "Từ năm 2027, mức hỗ trợ tăng 10%.",
            "Từ năm 2027, mức hỗ trợ giảm 10%.",
            "chiều thay đổi “giảm” (gốc: “tăng”)",
        ),
        # numbers of the source in swapped roles
        (
            FEE,
            FEE.replace("100.000 đồng", "X").replace("còn 50.000 đồng", "còn 100.000 đồng").replace("X", "50.000 đồng"),
            "vai trò của con số",
        ),
        (
            "Cắt điện từ 7h00 đến 11h00 ngày 03/12/2026 tại thôn 1.",
            "Cắt điện từ 11h00 đến 7h00 ngày 03/12/2026 tại thôn 1.",
            "vai trò của thời gian “bắt đầu 11h00” (gốc: “kết thúc 11h00”)",
        ),
        (
            VILLAGES,
            VILLAGES.replace("thôn 3", "thôn X").replace("thôn 4", "thôn 3").replace("thôn X", "thôn 4"),
            "buổi gắn sai “sáng (thôn 4)” (gốc: “chiều (thôn 4)”)",
        ),
        # units bound to numbers
        (
            "Thời hạn giải quyết: 05 ngày làm việc.",
            "Thời hạn giải quyết là năm ngày.",
            "đơn vị “5 ngày” (gốc: “05 ngày làm việc”)",
        ),
        ("Tiền thuê đất 1.500 đồng/m²/năm.", "Tiền thuê đất 1.500 đồng/thửa/năm.", "đơn vị"),
        ("Lãi suất cho vay 6%/năm.", "Lãi suất cho vay 6%/tháng.", "đơn vị “6%/tháng” (gốc: “6%/năm”)"),
        # places, offices, groups written in lower case; a name hidden by a sentence-initial capital
        (MEETING, MEETING.replace("tại hội trường thôn", "tại trường tiểu học"), "địa điểm “trường tiểu học”"),
        (
            AID,
            AID.replace("văn phòng ủy ban nhân dân xã", "ban chỉ huy quân sự xã"),
            "cơ quan “ban chỉ huy quân sự xã”",
        ),
        (
            "Trạm Y tế xã tiêm phòng uốn ván cho phụ nữ có thai ngày 03/12/2026.",
            "Trạm Y tế xã tiêm phòng uốn ván cho trẻ em ngày 03/12/2026.",
            "đối tượng “trẻ em”",
        ),
        ("Ủy ban nhân dân xã họp ngày 03/12/2026.", "Quảng Nam họp ngày 03/12/2026.", "tên riêng “Quảng Nam”"),
        # a weekday the source does not say (though "năm 2026" is there)
        (
            "Họp dân ngày 02/12/2026 tại hội trường thôn.",
            "Họp dân thứ Năm, ngày 02/12/2026 tại hội trường thôn.",
            "“thứ Năm, ngày 2/12” (gốc: “thứ Tư”)",
        ),
        (
            "Họp dân năm 2026 tại hội trường thôn.",
            "Họp dân vào thứ Năm tại hội trường thôn.",
            "thông tin không có trong văn bản gốc: “thứ Năm”",
        ),
        # relative times the source never had
        (MEETING, MEETING.replace("lúc 14h00", "lúc 14h00 tối nay"), "thời gian tương đối “tối nay”"),
        (MEETING, MEETING.replace("thứ Năm,", "thứ Năm tuần sau,"), "thời gian tương đối “tuần sau”"),
        (MEETING, MEETING.replace("lúc 14h00", "vào buổi sáng"), "buổi “sáng”"),
        # dropped required documents and conditions
        (AID, AID.replace(" và giấy xác nhận hộ nghèo", ""), "giấy tờ cần mang: “giấy xác nhận hộ nghèo”"),
        (AID, AID.replace("Đối với hộ chưa có sổ hộ nghèo, bà con", "Bà con"), "điều kiện: “đối với chưa sổ nghèo”"),
        ("Nếu trời mưa to, buổi họp hoãn sang ngày 05/12/2026.", "Buổi họp hoãn sang ngày 05/12/2026.", "điều kiện"),
        # a measure for some widened to everyone
        (
            "Ủy ban nhân dân xã cấp gạo cho hộ nghèo, hộ cận nghèo ngày 10/12/2026 tại nhà văn hóa các thôn.",
            "Ủy ban nhân dân xã cấp gạo cho mọi hộ dân ngày 10/12/2026 tại nhà văn hóa các thôn.",
            "phạm vi “mọi hộ dân”",
        ),
        # a village of a list dropped, outside any "tại"
        (
            "Điện lực huyện thay công tơ cho các hộ dân thôn Đông và thôn Nam từ ngày 14/12/2026.",
            "Điện lực huyện thay công tơ cho các hộ dân thôn Đông từ ngày 14/12/2026.",
            "địa điểm: “thôn nam”",
        ),
        # a place the source names, but not as where it happens
        (
            "Bệnh viện huyện phối hợp với Trạm Y tế xã khám bệnh ngày 12/12/2026 tại Trạm Y tế xã.",
            "Trạm Y tế xã khám bệnh ngày 12/12/2026 tại Bệnh viện huyện.",
            "địa điểm “bệnh viện huyện” (gốc: “trạm y tế xã”)",
        ),
        # an exemption kept without the way it is earned
        (
            "Nộp hồ sơ trực tuyến được miễn lệ phí. Thời hạn giải quyết 07 ngày làm việc.",
            "Bà con được miễn lệ phí. Thời hạn giải quyết 07 ngày làm việc.",
            "miễn phí",
        ),
        # a document kept without the group that alone must bring it
        (
            "Khi đi, bà con mang theo thẻ bảo hiểm y tế; người có bệnh mạn tính mang theo sổ theo dõi điều trị.",
            "Khi đi, bà con mang theo thẻ bảo hiểm y tế và sổ theo dõi điều trị.",
            "giấy tờ cần mang: “sổ theo dõi điều trị”",
        ),
        # thresholds swapped between two groups, each in its own sentence
        (
            "Khi dưới 10 độ C, học sinh mầm non được nghỉ học; khi dưới 7 độ C, học sinh trung học cơ sở được nghỉ.",
            "Khi dưới 7 độ C, học sinh mầm non được nghỉ học; khi dưới 10 độ C, học sinh trung học cơ sở được nghỉ.",
            "“7” (gốc:",
        ),
        # a prohibition after a short subject, dropped
        (
            "Nhà trường báo phụ huynh trước 6 giờ sáng. Phụ huynh không đưa trẻ đến trường trong ngày nghỉ.",
            "Nhà trường báo phụ huynh trước 6 giờ sáng.",
            "điều cấm: “không đưa”",
        ),
        # the listener made to pay, said as "tự trả"
        (
            "Bệnh viện huyện khám bệnh, cấp thuốc miễn phí cho người cao tuổi ngày 12/12/2026.",
            "Bệnh viện huyện khám bệnh miễn phí cho người cao tuổi ngày 12/12/2026; tiền thuốc người bệnh tự trả.",
            "phí “tự trả” (gốc: “miễn phí”)",
        ),
        # opposite words about the same thing
        (
            "Công trình làm đường thôn Đông bắt đầu từ ngày 14/12/2026.",
            "Công trình làm đường thôn Đông kết thúc từ ngày 14/12/2026.",
            "nghĩa ngược “kết thúc” (gốc: “bắt đầu”)",
        ),
        (
            "Ban chỉ huy quân sự xã gọi công dân nữ có chuyên môn y tế đi khám tuyển ngày 20/12/2026.",
            "Ban chỉ huy quân sự xã gọi công dân nam có chuyên môn y tế đi khám tuyển ngày 20/12/2026.",
            "nghĩa ngược “nam” (gốc: “nữ”)",
        ),
        # a level of school the source never named
        (
            "Khi dưới 7 độ C, học sinh trung học cơ sở được nghỉ học.",
            "Khi dưới 7 độ C, học sinh trung học phổ thông được nghỉ học.",
            "đối tượng “học sinh trung học phổ thông”",
        ),
        # an item of a short list in a rule dropped
        (
            "Trẻ mắc bệnh tim, động kinh hoặc đang sốt không tham gia lớp học bơi.",
            "Trẻ mắc bệnh tim hoặc đang sốt không tham gia lớp học bơi.",
            "một mục của danh sách",
        ),
        # an exception dropped
        (
            "Mọi công dân từ đủ 18 tuổi trở lên đều có quyền bầu cử, trừ người bị tước quyền bầu cử theo bản án.",
            "Mọi công dân từ đủ 18 tuổi trở lên đều có quyền bầu cử.",
            "điều kiện",
        ),
        # a duty to bring a document weakened, a required document said not needed
        (
            "Khi đi mang theo căn cước công dân và sơ yếu lý lịch.",
            "Ai tiện thì có thể mang theo căn cước công dân và sơ yếu lý lịch.",
            "được phép “có thể mang” (gốc: “mang theo căn cước công dân”)",
        ),
        (
            "Trường hợp nhận thay phải có giấy ủy quyền có xác nhận của ủy ban nhân dân xã.",
            "Trường hợp nhận thay không cần giấy ủy quyền.",
            "giấy tờ cần mang “không cần giấy ủy quyền”",
        ),
        # old and new levels of a change swapped
        (
            "Mức hỗ trợ tăng từ 7,2 triệu đồng lên 9 triệu đồng cho mỗi trường hợp.",
            "Mức hỗ trợ mới là 7,2 triệu đồng cho mỗi trường hợp, thay cho mức 9 triệu đồng trước đây.",
            "mức cũ hay mới",
        ),
        # a fee per area said per household
        (
            "Phí dịch vụ thủy lợi nội đồng là 120.000 đồng/sào, hộ nghèo được miễn.",
            "Mỗi hộ nộp phí dịch vụ thủy lợi nội đồng 120.000 đồng, hộ nghèo được miễn.",
            "đơn vị",
        ),
        # finder and owner swapped
        (
            "Ông Trần Văn Hùng ở xóm 5 nhặt được một ví da, bên trong có căn cước mang tên Nguyễn Thị Lan.",
            "Bà Nguyễn Thị Lan ở xóm 5 nhặt được một ví da, bên trong có căn cước mang tên Trần Văn Hùng.",
            "tên riêng gắn sai",
        ),
        # a second shelter of a list dropped
        (
            "Các hộ sơ tán trước 17 giờ đến tránh trú tại Trường Tiểu học Bình An và trụ sở UBND xã.",
            "Các hộ sơ tán trước 17 giờ đến tránh trú tại Trường Tiểu học Bình An.",
            "địa điểm",
        ),
        # a time limit turned into its end
        (
            "Khiếu nại với ủy ban nhân dân xã trong thời hạn 10 ngày kể từ ngày niêm yết.",
            "Khiếu nại với ủy ban nhân dân xã sau khi hết 10 ngày kể từ ngày niêm yết.",
            "“sau khi hết”",
        ),
        # one of two target groups named together dropped
        (
            "Ủy ban nhân dân xã cấp gạo cho hộ nghèo và hộ có hoàn cảnh đặc biệt khó khăn ngày 24/12/2026.",
            "Ủy ban nhân dân xã cấp gạo cho hộ nghèo ngày 24/12/2026.",
            "đối tượng: “hộ nghèo, hộ có hoàn cảnh đặc biệt khó khăn”",
        ),
        # "nếu có" dropped: an optional paper made compulsory
        (
            "Học sinh mang theo sổ tiêm chủng hoặc phiếu tiêm chủng, nếu có.",
            "Học sinh bắt buộc mang theo sổ tiêm chủng hoặc phiếu tiêm chủng.",
            "điều kiện",
        ),
        # an exclusion dropped
        (
            "Thời hạn giải quyết 10 ngày làm việc, không kể thời gian người sử dụng đất thực hiện nghĩa vụ tài chính.",
            "Thời hạn giải quyết 10 ngày làm việc.",
            "điều kiện",
        ),
        # a rule after a setting clause dropped
        (
            "Ngày hội diễn ra ngày 26/12/2026. Trong hai ngày hội, không bán hàng rong trong khu vực sân vận động.",
            "Ngày hội diễn ra ngày 26/12/2026.",
            "điều cấm",
        ),
        # model chatter
        (MEETING, "Sau đây là văn bản đã viết lại: " + MEETING, "lời của mô hình “Sau đây là văn bản đã viết lại:”"),
        (MEETING, "Sure! Here's the rewritten text. " + MEETING, "Here's the rewritten text."),
        (MEETING, MEETING + " (Tôi đã lược bỏ phần chào hỏi.)", "(Tôi đã lược bỏ phần chào hỏi.)"),
        (MEETING, "Xin lỗi, tôi không thể viết lại thông báo này.", "Xin lỗi, tôi không thể viết lại thông báo này."),
    ],
)
def test_unfaithful_rewrites_are_refused_naming_the_claim(source, rewrite, fragment):
    verdict = check_rewrite(source, rewrite)
    assert not verdict.ok
    assert fragment in verdict.reason, verdict.reason
    assert verdict.reason.startswith("Bản viết lại")


@pytest.mark.parametrize(
    "source, rewrite",
    [
        # "một" meaning "a" or "per" is not the number 1
        ("Mức đóng là 1.263.600 đồng/năm.", "Mức đóng là một triệu hai trăm sáu mươi ba nghìn sáu trăm đồng một năm."),
        ("Mỗi hộ cử đại diện đi họp.", "Mỗi hộ cử một người đại diện đi họp."),
        ("Công tiêm 5.000 đồng mỗi con.", "Công tiêm là năm nghìn đồng một con."),
        # a context word on one side only does not turn a number word into a count
        ("Mỗi thôn cử hai hội viên tham gia.", "Mỗi thôn cử 2 hội viên tham gia."),
        ("Mỗi thôn cử hai hội viên tham gia.", "Mỗi thôn cử hai người tham gia."),
        # decimals said "không phẩy …"
        ("Lãi suất 0,55%/tháng.", "Lãi suất không phẩy năm mươi lăm phần trăm một tháng."),
        ("Tiền chậm nộp 0,03% mỗi ngày.", "Tiền chậm nộp không phẩy không ba phần trăm mỗi ngày."),
        # a day part before the clock time
        ("Họp lúc 14h00 ngày 03/12/2026.", "Chiều ngày 03/12/2026, họp lúc 2 giờ."),
        ("Tiếp dân sáng từ 7h30, chiều từ 13h30.", "Tiếp dân buổi sáng từ 7 giờ 30, buổi chiều từ 1 giờ 30."),
        # an acronym expanded inside a proper name
        (
            "Hiến máu tại Trường THCS Nguyễn Du ngày 06/12/2026.",
            "Hiến máu tại Trường Trung học cơ sở Nguyễn Du ngày 06/12/2026.",
        ),
        (
            "Hội nghị do Ủy ban MTTQ Việt Nam xã tổ chức ngày 05/12/2026.",
            "Hội nghị do Ủy ban Mặt trận Tổ quốc Việt Nam xã tổ chức ngày 05/12/2026.",
        ),
        # two ways of saying "free of charge"
        ("Việc phun thuốc không thu tiền của người dân.", "Việc phun thuốc hoàn toàn miễn phí."),
        ("Phí, lệ phí: Miễn lệ phí.", "Bà con không phải nộp lệ phí."),
        # a date range whose two days share one month and year
        ("Tiêm phòng từ ngày 01/12 đến ngày 10/12/2026.", "Tiêm phòng từ ngày 1 đến ngày 10 tháng 12 năm 2026."),
        ("Nộp hồ sơ từ ngày 07 đến ngày 18/12/2026.", "Nộp hồ sơ từ 07/12/2026 đến 18/12/2026."),
        # and a weekday the date implies
        ("Hạn nộp trước ngày 20/12/2026.", "Hạn nộp trước Chủ nhật, ngày 20/12/2026."),
        # a ban said another way; "để khỏi" is a negation; "nên" meaning "so"
        (
            "Ủy ban nhân dân xã cấm xe tải trên 5 tấn đi qua đường liên thôn từ ngày 01/12/2026.",
            "Từ ngày 01/12/2026, xe tải trên 5 tấn không được đi qua đường liên thôn.",
        ),
        (
            "Để không gián đoạn quyền lợi, bà con đóng tiền trước ngày 20/12/2026.",
            "Bà con đóng tiền trước ngày 20/12/2026 để khỏi gián đoạn quyền lợi.",
        ),
        (
            "Đường đang sửa, nên từ ngày 01/12/2026 xe tải không được đi qua.",
            "Từ ngày 01/12/2026 xe tải không được đi qua vì đường đang sửa.",
        ),
        # "trực tiếp tại" the office the source offers beside the app
        (
            "Chủ nhà có thể khai báo qua ứng dụng VNeID hoặc tại Công an xã.",
            "Chủ nhà khai báo qua ứng dụng VNeID hoặc trực tiếp tại Công an xã đều được.",
        ),
        # one negation over a short list; "nhận hỗ trợ" is a noun, not a statement
        (
            "Đề nghị bà con không mua bán, vận chuyển lợn bệnh.",
            "Đề nghị bà con không mua bán, không vận chuyển lợn bệnh.",
        ),
        (
            "Xã hỗ trợ 5 triệu đồng/ha. Không hỗ trợ đối với diện tích đã nhận hỗ trợ trong năm 2026.",
            "Xã hỗ trợ năm triệu đồng một héc ta. Diện tích đã nhận hỗ trợ trong năm 2026 thì không được hỗ trợ nữa.",
        ),
        # the group that must bring a document, said another way
        (
            "Khi đi, bà con mang theo thẻ bảo hiểm y tế; người có bệnh mạn tính mang theo sổ theo dõi điều trị.",
            "Bà con mang theo thẻ bảo hiểm y tế; ai có bệnh mạn tính thì mang thêm sổ theo dõi điều trị.",
        ),
        # this round's faithful ways of saying things
        (
            "Xe máy, xe đạp được lưu thông. Xe cứu thương, xe chữa cháy và xe công an làm nhiệm vụ không bị hạn chế.",
            "Xe máy, xe đạp vẫn đi được. Xe cứu thương, chữa cháy, công an làm nhiệm vụ không bị hạn chế.",
        ),
        (
            "Niêm yết tại trụ sở ủy ban nhân dân xã và nhà văn hóa các thôn Đông, Trung, Đoài.",
            "Niêm yết tại trụ sở ủy ban nhân dân xã và tại nhà văn hóa ba thôn Đông, Trung, Đoài.",
        ),
        (
            "Đoàn viên tập trung dọc tuyến kênh N4; vắc xin cúm H5N1 cho gà.",
            "Đoàn viên tập trung dọc kênh N4; vắc xin cúm H5N1 cho gà.",
        ),
        (
            "Mỗi ngày học hai ca: ca sáng từ 8h00 đến 10h00, ca chiều từ 13h30 đến 17h00.",
            "Mỗi ngày hai ca, sáng từ 8 đến 10 giờ, chiều từ 1 rưỡi đến 5 giờ chiều.",
        ),
        (
            "Hồ sơ gồm đơn đề nghị theo mẫu và bản sao giấy chứng nhận hộ nghèo; không thu lệ phí.",
            "Hồ sơ: đơn theo mẫu, bản sao giấy chứng nhận hộ nghèo; không mất đồng nào.",
        ),
        (
            "Nghiêm cấm đốt lửa trong rừng. Không ai được tự ý đắp đập chặn dòng.",
            "Nghiêm cấm đốt lửa trong rừng. Không tự ý đắp đập chặn dòng.",
        ),
        (
            "Xã tạm cấm ô tô các loại đi qua đoạn đường từ cầu Phú Mỹ đến chợ xã.",
            "Xã tạm cấm mọi loại ô tô đi qua đoạn từ cầu Phú Mỹ đến chợ xã.",
        ),
        (
            "Học sinh thuộc hộ nghèo được hỗ trợ chi phí học tập 150.000 đồng/tháng.",
            "Học sinh thuộc hộ nghèo được hỗ trợ một trăm năm mươi nghìn đồng mỗi tháng.",
        ),
        (
            "Cấp gạo từ 7 giờ 30 đến 11 giờ, thứ Năm ngày 24/12/2026, cho hộ nghèo, hộ cận nghèo.",
            "Sáng thứ Năm, 24 tháng 12 năm 2026, từ 7 giờ 30 đến 11 giờ, cấp gạo cho hộ nghèo, cận nghèo.",
        ),
        (
            "Nghiêm cấm tụ tập đua xe, lạng lách trên đường đê. Không đi qua ngầm tràn khi lũ dâng cao.",
            "Việc tụ tập đua xe, lạng lách trên đường đê bị nghiêm cấm. Không qua ngầm tràn khi lũ dâng cao.",
        ),
        (
            "Mỗi thôn đăng ký 01 đội văn nghệ từ 10 đến 15 người. Học sinh từ lớp 1 đến lớp 5 chưa tiêm đủ 2 mũi.",
            "Mỗi thôn đăng ký 01 đội văn nghệ 10-15 người. Học sinh lớp 1 - 5 chưa đủ 2 mũi.",
        ),
        (
            "Thời hạn giải quyết rút ngắn từ 15 ngày làm việc xuống còn 10 ngày làm việc. Lệ phí 30.000 đồng/hồ sơ.",
            "Hồ sơ nay giải quyết trong 10 ngày làm việc thay vì 15 ngày làm việc. Lệ phí 30.000 đồng một bộ hồ sơ.",
        ),
        (
            "Thông báo về an ninh: Khai báo tạm vắng đối với người đi làm ăn xa. Công dân đi khỏi xã từ 12 tháng "
            "trở lên phải khai báo tạm vắng.",
            "Công dân đi khỏi xã từ 12 tháng trở lên phải khai báo tạm vắng.",
        ),
    ],
)
def test_faithful_rewrites_pass(source, rewrite):
    verdict = check_rewrite(source, rewrite)
    assert verdict.ok, verdict.reason


def test_claims_have_roles():
    doc = read(
        "Từ ngày 01/12 đến ngày 10/12/2026, thôn 3 phun thuốc buổi sáng, lệ phí tối đa 20.000 đồng/hộ. "
        "Bà con không cần mang hộ khẩu. Nếu trời mưa, hoãn sang ngày 12/12/2026.",
        Terms.load(),
    )
    dates = [(c.value, c.role) for c in doc.of("date")]
    assert dates == [((1, 12, 2026), "start"), ((10, 12, 2026), "end"), ((12, 12, 2026), "event")]
    assert [(c.value, c.key) for c in doc.of("daypart")] == [("sáng", "thôn 3")]
    quantity = next(q for q in doc.of("quantity") if q.value[0] == 20000)
    assert (quantity.value[1], sorted(quantity.value[2]), quantity.role, quantity.keep) == ("đồng", ["hộ"], "max", True)
    stance = doc.of("stance")[0]
    assert (stance.value, stance.role, stance.extra) == ("not_required", "mang", "hộ khẩu")
    assert [c.surface for c in doc.of("condition")] == ["nếu trời mưa"]


def test_commune_terms_extend_the_tables():
    source, rewrite = "Họp tại hội trường thôn.", "Họp tại hội trường thôn, cạnh nhà bia tưởng niệm liệt sĩ."
    assert check_rewrite(source, rewrite).ok  # an unknown place is not seen …
    terms = Terms.load({"places": ["nhà bia tưởng niệm liệt sĩ | nhà bia"]})
    verdict = check_rewrite(source, rewrite, terms=terms)  # … until the commune names it
    assert not verdict.ok and "địa điểm “nhà bia tưởng niệm liệt sĩ”" in verdict.reason
