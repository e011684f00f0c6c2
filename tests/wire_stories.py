"""Short wire stories shared by the tests of ingestion, deduplication and the API's writes: a story, a
syndicated copy of it (new dateline, same text) and an unrelated story."""

STORY = (
    "CARACAS, Jan 24 (Wire) - Venezuelan President Nicolas Maduro broke diplomatic relations with the United "
    "States on Wednesday and gave American diplomats 72 hours to leave the country, after Washington recognised "
    "opposition leader Juan Guaido as interim president. Guaido, the head of the National Assembly, declared "
    "himself acting president before tens of thousands of supporters in Caracas."
)
COPY = "(Other Wire) " + STORY.split(" - ", 1)[1]  # syndicated: new dateline, same story
OTHER = (
    "ISLAMABAD, Feb 27 (Wire) - Pakistan said on Wednesday it had shot down two Indian military aircraft over "
    "Kashmir and captured a pilot, a day after Indian jets struck what New Delhi called a militant camp."
)
