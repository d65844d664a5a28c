using OneStop.Web.Shared.Localization;

namespace OneStop.Tests.Shared;

public sealed class VietnameseNamesTests
{
    [Fact]
    public void Names_sort_by_given_name_in_the_Vietnamese_alphabet()
    {
        string[] names = ["Vũ Đức Thắng", "Đỗ Văn Đạt", "Nguyễn Văn Dũng", "Trần Thị Ánh", "Lê Thị Anh", "Phạm Bình", "Nguyễn Thị Ân"];

        var sorted = names.Order(VietnameseNames.Order).ToArray();

        // Anh, Ánh and Ân: a before â, and the bare letter before its tone; D before Đ; Đ before T.
        Assert.Equal(["Lê Thị Anh", "Trần Thị Ánh", "Nguyễn Thị Ân", "Phạm Bình", "Nguyễn Văn Dũng", "Đỗ Văn Đạt", "Vũ Đức Thắng"], sorted);
    }

    [Fact]
    public void The_same_given_name_sorts_by_family_and_middle_names()
    {
        string[] names = ["Trần Văn Nam", "Đỗ Văn Nam", "Bùi Nam", "Đinh Thị Nam"];

        Assert.Equal(["Bùi Nam", "Đinh Thị Nam", "Đỗ Văn Nam", "Trần Văn Nam"], names.Order(VietnameseNames.Order).ToArray());
    }

    [Fact]
    public void Case_and_extra_spaces_do_not_change_the_place_but_the_order_stays_fixed()
    {
        Assert.Equal(0, VietnameseNames.Order.Compare("Lê Văn Nam", "Lê Văn Nam"));
        Assert.True(VietnameseNames.Order.Compare("lê văn nam", "Lê Văn Nam") != 0);
        Assert.True(VietnameseNames.Order.Compare(" Lê Văn  An ", "Lê Văn Bình") < 0);
        Assert.True(VietnameseNames.Order.Compare(null, "An") < 0);
        Assert.Equal(0, VietnameseNames.Order.Compare(null, null));
    }
}
