using System.Net.Http.Json;
using System.Text.Json;

namespace OneStop.IntegrationTests.Identity;

public sealed class OfficerListTests(IdentityAppFactory app) : IClassFixture<IdentityAppFactory>
{
    [Fact]
    public async Task A_units_officers_are_listed_by_given_name_in_the_Vietnamese_alphabet()
    {
        var leader = await app.SignInOfficerAsync("lanhdao.phohien@onestop.example");

        var list = await leader.GetFromJsonAsync<JsonElement>("/api/officers?province=33&unit=11953");

        // Byte order (and most database collations here) would put Đỗ Văn Nam last, after Vũ.
        Assert.Equal(
            ["Phạm Thị Hoa", "Đỗ Văn Nam", "Vũ Đức Thắng"],
            list.EnumerateArray().Select(o => o.GetProperty("fullName").GetString() ?? "").ToArray());
    }
}
