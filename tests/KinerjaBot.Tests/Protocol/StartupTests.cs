using KinerjaBot.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using KinerjaBot.Tests.Support;

namespace KinerjaBot.Tests.Protocol;

/// <summary>Never a silent insecure mode: the host refuses to start unless the configuration is safe.</summary>
public sealed class StartupTests
{
    [Fact]
    public void TanpaAppIdDiLuarDevelopment_MenolakStartDenganPesanJelas()
    {
        using var bot = new BotFactory("Production");

        var e = Assert.ThrowsAny<Exception>(() => bot.CreateClient());

        var pesan = Unwrap(e).Message;
        Assert.Contains("MicrosoftAppId is not configured", pesan, StringComparison.Ordinal);
        Assert.Contains("Production", pesan, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task DenganAppId_BerjalanDanMemvalidasiToken(string environment)
    {
        using var bot = new BotFactory(environment).With("MicrosoftAppId", "3f1c2a4b-0000-4000-8000-000000000001").With("MicrosoftAppPassword", "rahasia-uji");
        var client = bot.CreateClient();

        Assert.Equal("ok", await client.GetStringAsync(new Uri("/healthz", UriKind.Relative)));
        Assert.False(bot.Services.GetRequiredService<BotAuthentication>().IsAnonymous);
        var tanpaToken = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent(new ActivityDriver().Message("nilai saya").ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, tanpaToken.StatusCode);
        Assert.Empty(bot.Connector.Requests);
    }

    [Fact]
    public async Task TanpaAppIdDiDevelopment_BerjalanDalamModePengembangan()
    {
        using var bot = new BotFactory();

        var response = await bot.CreateClient().GetStringAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal("ok", response);
    }

    [Fact]
    public void PresetKebijakanTidakDikenal_MenolakStartMenyebutKunci()
    {
        using var bot = new BotFactory().With("Kinerja:Kebijakan:Preset", "kmk999");

        var e = Assert.ThrowsAny<Exception>(() => bot.CreateClient());

        Assert.Contains("Kinerja:Kebijakan:Preset 'kmk999'", Unwrap(e).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BerkasOverrideKebijakanTidakAda_MenolakStart()
    {
        using var bot = new BotFactory().With("Kinerja:Kebijakan:Override", "/nonexistent/kebijakan.json");

        var e = Assert.ThrowsAny<Exception>(() => bot.CreateClient());

        Assert.Contains("Kinerja:Kebijakan:Override", Unwrap(e).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OverrideKebijakanDenganKunciSalah_MenolakStartMenyebutKunci()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, """{ "nkp": { "bobotCkpp": 70 } }""");
        try
        {
            using var bot = new BotFactory().With("Kinerja:Kebijakan:Override", file);

            var e = Assert.ThrowsAny<Exception>(() => bot.CreateClient());

            Assert.Contains("nkp.bobotCkpp", Unwrap(e).Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void EmailKoordinatorTidakValid_MenolakStart()
    {
        using var bot = new BotFactory().With("Kinerja:Koordinator:Email", "bukan-email");

        var e = Assert.ThrowsAny<Exception>(() => bot.CreateClient());

        Assert.IsType<OptionsValidationException>(Unwrap(e));
        Assert.Contains("Kinerja:Koordinator:Email 'bukan-email'", Unwrap(e).Message, StringComparison.Ordinal);
    }

    private static Exception Unwrap(Exception e)
    {
        while (e is AggregateException or System.Reflection.TargetInvocationException && e.InnerException is not null)
        {
            e = e.InnerException!;
        }

        return e;
    }

}
