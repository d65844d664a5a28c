using System.Text;
using OneStop.Web.Catalog.Search;

namespace OneStop.Tests.Catalog;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("Đăng ký khai sinh", "dang ky khai sinh")]
    [InlineData("ĐĂNG KÝ KẾT HÔN", "dang ky ket hon")]
    [InlineData("  Hộ   kinh-doanh! ", "ho kinh doanh")]
    [InlineData("1.001193", "1 001193")]
    [InlineData("\u00D0ăng ký", "dang ky")]
    [InlineData("", "")]
    public void Folding_removes_every_mark_and_separator(string text, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(text));

    [Fact]
    public void Folding_treats_composed_and_decomposed_text_alike()
    {
        var composed = "Thường trú".Normalize(NormalizationForm.FormC);
        var decomposed = "Thường trú".Normalize(NormalizationForm.FormD);
        Assert.NotEqual(composed, decomposed);
        Assert.Equal(VietnameseText.Fold(composed), VietnameseText.Fold(decomposed));
    }

    [Theory]
    [InlineData("hoà", "hòa")]
    [InlineData("Thuý", "Thúy")]
    [InlineData("khoẻ", "khỏe")]
    [InlineData("uỷ ban", "ủy ban")]
    public void Where_the_tone_mark_sits_does_not_matter(string oldStyle, string newStyle) =>
        Assert.Equal(VietnameseText.SeparateTones(oldStyle), VietnameseText.SeparateTones(newStyle));

    [Fact]
    public void Separating_tones_keeps_the_letters_own_marks_and_the_tone()
    {
        Assert.Equal("đăng ky2", VietnameseText.SeparateTones("Đăng ký"));
        Assert.NotEqual(VietnameseText.SeparateTones("khai"), VietnameseText.SeparateTones("khái"));
        Assert.NotEqual(VietnameseText.SeparateTones("hoa"), VietnameseText.SeparateTones("hóa"));
    }

    [Theory]
    [InlineData("khai sinh", false)]
    [InlineData("khai sinh đ", true)]
    [InlineData("kết hôn", true)]
    public void Marks_are_detected(string text, bool expected) => Assert.Equal(expected, VietnameseText.HasMarks(text));
}
