using System.Text;
using System.Text.Json.Nodes;
using Kinerja.Testing.CardLint;

namespace Kinerja.Cards.Tests;

/// <summary>The linter can fail: each kind of broken card is reported (and a good one is not).</summary>
public sealed class LintTests
{
    private static readonly CardLinter Linter = CardLinter.Shared;

    private static string Kartu(string body, string version = "1.5", string actions = "[]") =>
        "{\"type\":\"AdaptiveCard\",\"version\":\"" + version + "\",\"body\":" + body + ",\"actions\":" + actions + ",\"msteams\":{\"width\":\"Full\"}}";

    [Fact]
    public async Task KartuBaik_TidakAdaMasalah()
    {
        var json = Kartu("""[{"type":"TextBlock","text":"Halo","wrap":true,"size":"extraLarge","color":"good"}]""");

        Assert.Empty(await Linter.LintAsync(json));
        await Linter.AssertValidAsync(json);
    }

    [Theory]
    [InlineData("""[{"type":"TextBlok","text":"x"}]""", "Unknown element type \"TextBlok\"")]
    [InlineData("""[{"type":"TextBlock","text":"x","size":"huge"}]""", "Invalid value \"huge\" for property \"size\"")]
    [InlineData("""[{"type":"TextBlock","text":"x","colour":"good"}]""", "property \"colour\" is not in the Adaptive Card 1.5 schema")]
    [InlineData("""[{"type":"Image","altText":"logo"}]""", "(Image): \"url\" is required")]
    [InlineData("""[{"type":"FactSet","facts":[{"title":"NKP"}]}]""", "(Fact): \"value\" is required")]
    [InlineData("""[{"type":"FactSet","facts":[{"value":"89,40"}]}]""", "(Fact): \"title\" is required")]
    [InlineData("""[{"type":"TextBlock","text":"a","id":"x"},{"type":"TextBlock","text":"b","id":"x"}]""", "Duplicate Id \"x\"")]
    [InlineData("""[{"type":"Chart.Line","title":"Tren","data":[{"legend":"NKP","values":[{"x":"TW I","y":88.98}]}]}]""", "(Chart.Line): needs a \"fallback\" element")]
    [InlineData("""[{"type":"Chart.Line","data":[{"legend":"NKP","values":[{"x":"TW I","y":1}]}],"fallback":"drop"}]""", "(Chart.Line): needs a \"fallback\" element")]
    [InlineData("""[{"type":"Chart.Lines","data":[],"fallback":{"type":"TextBlock","text":"x"}}]""", "\"Chart.Lines\" is not a Teams chart type")]
    [InlineData("""[{"type":"Chart.Line","data":[{"legend":"NKP","values":[{"x":"TW I","y":"88,98"}]}],"fallback":{"type":"TextBlock","text":"x"}}]""", "a point must be {\"x\": string|number, \"y\": number}")]
    [InlineData("""[{"type":"Chart.Line","data":[{"legend":"NKP","values":[{"x":"TW I","y":1}]}],"fallback":{"type":"TextBlock","text":"x","size":"huge"}}]""", "Invalid value \"huge\"")]
    [InlineData("""[{"type":"ActionSet","actions":[{"type":"Action.ToggleVisibility","title":"Cara","targetElements":["cara"]}]}]""", "no element has id \"cara\"")]
    [InlineData("""[{"type":"TextBlock","text":"x","fallback":{"type":"Image"}}]""", "(Image): \"url\" is required")]
    public async Task KartuRusak_Dilaporkan(string body, string pesan)
    {
        var errors = await Linter.LintAsync(Kartu(body));

        Assert.Contains(errors, e => e.Contains(pesan, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Versi16_Dilaporkan()
    {
        var errors = await Linter.LintAsync(Kartu("""[{"type":"TextBlock","text":"x"}]""", version: "1.6"));

        Assert.Contains(errors, e => e.Contains("version 1.6 is above 1.5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TanpaVersi_Dilaporkan()
    {
        var errors = await Linter.LintAsync("""{"type":"AdaptiveCard","body":[]}""");

        Assert.Contains(errors, e => e.Contains("$.version", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Kartu29KB_Dilaporkan()
    {
        var teks = new string('a', 1000);
        var body = new JsonArray();
        for (var i = 0; i < 29; i++)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = teks });
        }

        var json = Kartu(body.ToJsonString());
        Assert.True(Encoding.UTF8.GetByteCount(json) > 29 * 1000);

        var result = await Linter.LintDetailedAsync(json);

        Assert.Equal(Encoding.UTF8.GetByteCount(json), result.Bytes);
        Assert.Contains(result.Errors, e => e.Contains("above Teams' limit of 28672", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ActionExecute_TanpaVerbAtauFallback_Dilaporkan()
    {
        var errors = await Linter.LintAsync(Kartu("[]", actions: """[{"type":"Action.Execute","title":"TW I","data":{"tahun":2026}}]"""));

        Assert.Contains(errors, e => e.Contains("(Action.Execute): \"verb\" is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("needs a \"fallback\" of type Action.Submit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ActionExecute_FallbackDenganDataBerbeda_Dilaporkan()
    {
        var errors = await Linter.LintAsync(Kartu("[]", actions: """
            [{"type":"Action.Execute","title":"TW I","verb":"nilaiSaya","data":{"verb":"nilaiSaya","triwulan":1},
              "fallback":{"type":"Action.Submit","title":"TW I","data":{"verb":"nilaiSaya","triwulan":2}}}]
            """));

        Assert.Contains(errors, e => e.Contains("must carry the same \"data\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChartDenganFallbackTeks_Diterima()
    {
        var json = Kartu("""
            [{"type":"Chart.Line","title":"Tren","xAxisTitle":"Triwulan","yAxisTitle":"Nilai",
              "data":[{"legend":"NKP","values":[{"x":"TW I","y":88.98},{"x":"TW II","y":90.1}]}],
              "fallback":{"type":"FactSet","facts":[{"title":"TW I","value":"88,98"},{"title":"TW II","value":"90,10"}]}}]
            """);

        Assert.Empty(await Linter.LintAsync(json));
    }

    [Fact]
    public async Task BanyakMasalah_SemuaDisebut()
    {
        var json = Kartu("""[{"type":"Image"},{"type":"FactSet","facts":[{"title":"a"}]},{"type":"Foo"}]""", version: "1.6");

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => Linter.AssertValidAsync(json));

        Assert.Contains("url", ex.Message, StringComparison.Ordinal);
        Assert.Contains("value", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Foo", ex.Message, StringComparison.Ordinal);
        Assert.Contains("1.6", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lang_TidakBergantianGagal()
    {
        // The renderer validates "lang" with a /g regex that fails every second call; card-lint.js works around it.
        var json = "{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\"lang\":\"id\",\"body\":[{\"type\":\"TextBlock\",\"text\":\"x\"}]}";

        for (var i = 0; i < 3; i++)
        {
            Assert.Empty(await Linter.LintAsync(json));
        }
    }

    [Fact]
    public async Task RefreshTanpaFallback_Diterima()
    {
        var card = new AdaptiveCard
        {
            Body = [new TextBlock("x")],
            Refresh = new CardRefresh { Action = new ExecuteAction { Title = "r", Verb = CardVerbs.NilaiSaya }, UserIds = [] },
        };

        await Linter.AssertValidAsync(card.ToJsonString());
    }

    [Fact]
    public async Task RendererBelumDipasang_PesanJelas()
    {
        var folder = Directory.CreateTempSubdirectory("card-lint-");
        try
        {
            File.Copy(CardLinter.Script(Kinerja.Testing.RepoPaths.TestTools), CardLinter.Script(folder.FullName));
            using var linter = new CardLinter(folder.FullName);

            var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => linter.LintAsync("{}"));

            Assert.Contains("npm ci", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task BukanJson_Dilaporkan()
    {
        var errors = await Linter.LintAsync("{\"type\": \"AdaptiveCard\",\n \"body\": [");

        Assert.Contains(errors, e => e.StartsWith("not JSON", StringComparison.Ordinal));
    }

    [Fact]
    public async Task JsonBerbaris_DipadatkanLaluDiperiksa()
    {
        var json = """
            {
              "type": "AdaptiveCard",
              "version": "1.5",
              "body": [ { "type": "TextBlock", "text": "Nilai × bobot" } ]
            }
            """;

        var result = await Linter.LintDetailedAsync(json);

        Assert.True(result.Ok, string.Join("; ", result.Errors));
        Assert.Equal(Encoding.UTF8.GetByteCount("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Nilai × bobot"}]}"""), result.Bytes);
    }

    [Fact]
    public async Task PanggilanParalel_SemuaDijawabDenganBenar()
    {
        var tugas = Enumerable.Range(0, 40).Select(async i =>
        {
            var rusak = i % 2 == 0;
            var errors = await Linter.LintAsync(Kartu(rusak ? """[{"type":"Image"}]""" : """[{"type":"TextBlock","text":"ok"}]"""));
            return (rusak, errors.Count);
        });

        foreach (var (rusak, jumlah) in await Task.WhenAll(tugas))
        {
            Assert.Equal(rusak, jumlah > 0);
        }
    }
}
