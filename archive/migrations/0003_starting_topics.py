"""A starting taxonomy with keyword rules; editors change both freely in the admin."""

from django.db import migrations

TOPICS = [
    ("Bilateral relations", "bilateral-relations", "Ties between two states: visits, embassies, agreements.",
     ["bilateral", "diplomatic relations", "embassy", "embassies", "strategic partner*", "rapprochement",
      "official visit", "ambassador", "foreign minister"]),
    ("Defence and security", "defence-and-security", "Armed forces, weapons, military cooperation and security.",
     ["military", "defence", "defense", "weapon*", "army", "drone*", "UAV*", "missile*", "Iron Dome",
      "security cooperation", "armed forces", "artillery"]),
    ("Energy", "energy", "Oil, gas, power and the routes that carry them.",
     ["energy", "oil", "gas", "pipeline*", "crude", "electricity", "renewable*"]),
    ("Trade and economy", "trade-and-economy", "Trade turnover, investment, business and the economy.",
     ["trade", "trade turnover", "investor*", "investment*", "economic", "economy", "exports", "imports", "exporter*", "importer*",
      "tourism"]),
    ("Iran", "iran", "Iran and its relations with the region.", ["Iran", "Iranian", "Tehran"]),
    ("Karabakh and reconstruction", "karabakh-and-reconstruction",
     "Karabakh, the liberated territories, mines and rebuilding.",
     ["Karabakh", "Garabagh", "liberated territor*", "reconstruction", "rehabilitation", "smart cit*",
      "demining", "landmine*"]),
    ("Armenia-Azerbaijan peace process", "armenia-azerbaijan-peace-process",
     "Negotiations, normalisation and the peace treaty between Armenia and Azerbaijan.",
     ["peace talks", "peace treaty", "peace process", "normalization", "normalisation", "peace agenda",
      "Zangazur", "reconciliation", "negotiat*"]),
    ("Jewish community", "jewish-community", "Jewish life, communities and Jewish-Muslim relations.",
     ["Jewish", "Jews", "synagogue*", "antisemit*", "anti-Jewish"]),
    ("Health", "health", "Health care, medicine and the health sector.",
     ["health", "medical", "medicine", "hospital*", "pandemic", "vaccin*"]),
    ("Technology", "technology", "Technology, cyber security, innovation and high tech.",
     ["technolog*", "hi-tech", "high-tech", "cyber*", "innovation*", "digital"]),
    ("Agriculture", "agriculture", "Farming, food and water.",
     ["agricultur*", "farming", "irrigation", "land reclamation", "dairy"]),
    ("Humanitarian issues", "humanitarian-issues", "Civilians, refugees, displaced people and humanitarian law.",
     ["humanitarian", "civilian*", "refugee*", "displaced", "Geneva Convention"]),
    ("Multiculturalism and tolerance", "multiculturalism-and-tolerance",
     "Coexistence of faiths and peoples.", ["multiculturalism", "tolerance", "coexistence", "interfaith"]),
]


def create_topics(apps, schema_editor):
    Topic = apps.get_model("archive", "Topic")
    for name, slug, description, keywords in TOPICS:
        Topic.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "keywords": "\n".join(keywords)}
        )


def remove_topics(apps, schema_editor):
    apps.get_model("archive", "Topic").objects.filter(slug__in=[t[1] for t in TOPICS]).delete()


class Migration(migrations.Migration):
    dependencies = [("archive", "0002_editors_group")]

    operations = [migrations.RunPython(create_topics, remove_topics)]
