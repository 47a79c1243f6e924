// The demo data `npm run seed` writes through the API (scripts/seed.mjs). All the writing below is original, written
// for Volley's demo. Times are hours before the seed runs; each inline comment names its paragraph (0-based, as the API
// takes it) and a quote from it, which the API checks.

// Two spaces at the end of a line are a Markdown line break: each stanza keeps its lines, and previews (which flatten
// whitespace) show no stray markup.
const poem = (text) => text.trim().split(/\n[ \t]*\n/).map((stanza) => stanza.split('\n').join('  \n')).join('\n\n');

export const MEMBERS = [
  { key: 'ada', name: 'Ada Okafor', joinedHoursAgo: 150 },
  { key: 'ben', name: 'Ben Hartley', joinedHoursAgo: 146.5 },
  { key: 'chloe', name: 'Chloé Marchand', joinedHoursAgo: 140.2 },
  { key: 'dara', name: 'Dara Quinn', joinedHoursAgo: 132.8 },
  { key: 'eli', name: 'Eli Navarro', joinedHoursAgo: 128.1 },
  { key: 'farah', name: 'Farah Haddad', joinedHoursAgo: 120.4 },
].map((m) => ({ ...m, email: `${m.key}@volley.example` }));

export const DRAFTS = [
  {
    key: 'salt',
    author: 'ada',
    genre: 'science-fiction',
    reviewsWanted: 3,
    postedHoursAgo: 110.3,
    title: 'The Salt Archive',
    note: 'The first chapter of a novella. I want to know whether the world-building gets in the way of Ines, and whether you would keep reading after the last line.',
    body: `
The sea took the lowlands in the year Ines was born, and the Archive took the salt.

That was how her grandmother used to put it, as if the two events were a trade agreed between equals. In truth the Archive had come later, when the evaporation pans along the new coast were already white and crusted and the people who worked them had begun to notice that salt, grown slowly enough under the right current, would hold a pattern. A voice, pressed into a crystal as it formed, stayed there. You could grow a wedding into a block the size of a loaf. You could grow a whole life, if you were patient and had the money, into a pillar as tall as a child.

Ines was a reader. It was the lowest grade of archivist, and the only one that ever touched the crystals with bare hands. Every morning she walked the gantries above the pans with a stylus and a pair of bone-conduction pads clipped behind her ears, and she listened. She listened for faults, for places where a storm had shaken the growth or a gull had landed at the wrong moment and left a crack running through somebody's grandfather. When she found one she marked it with chalk, and the senior archivists came later with their needles and their fine brushes, and sometimes they could save the grandfather and sometimes they couldn't.

She liked the work. She did not tell many people that, because it was not the kind of work anyone was supposed to like. Readers were paid by the pan, and the pans were long, and the wind off the water had a way of finding every gap in a coat. But there was a particular quiet on the gantries at dawn, before the pumps started, when she could press the stylus to a crystal and hear, very faintly, a woman laughing at a joke told sixty years ago in a kitchen that was now forty feet under the sea. Ines had heard proposals and arguments and lullabies. She had heard a man read the whole of a bus timetable aloud, for reasons nobody would ever know. She had never heard anything she wasn't meant to.

Her grandmother had not lived to be grown into salt. She had died the winter Ines turned nine, before the Archive's prices came down, and all that was left of her voice was what Ines carried: a way of saying *well, then* at the end of an argument, and a lullaby about a boat that had only two verses, because she had never been able to remember the third. Ines did not think about that often. She had decided, at some point in her teens, that it was not a useful thing to think about, and she was good at deciding things like that.

Until the morning Tomas Vell came up the gantry steps with his hands cupped around something wrapped in oilcloth.

Tomas fished the drowned streets beyond the breakwater. Everybody knew him, and nobody much liked him, and he didn't seem to mind either fact. He brought the Archive things from time to time: a doorplate, a teacup, once a whole letterbox with the letters still inside and gone to pulp. The Archive paid him in tokens and did not ask where exactly he'd found them.

"Not for the front desk," he said, when she pointed him back down the steps. "For you. You're the reader."

"I'm *a* reader."

"You're the one who's up here at five." He unfolded the oilcloth. "Tell me what that is."

It was salt. That was the first strange thing. A crystal about the length of her forearm, hexagonal, cloudy at the core and clear at the edges the way the Archive's best growths were, the way you only got from the deep pans with the slow currents. The second strange thing was the colour. Archive salt was white, or faintly grey when it came from the northern pans. This was the pink of the inside of a shell.

"Where did you get it?"

"Saint Brendan's Road." He said it the way people did, the old names, as if the streets were still there to be walked down. "Number thirty-one. Upstairs, in a bedroom. It was on the windowsill."

"That's not possible," Ines said.

"That's what I thought."

It wasn't possible because Saint Brendan's Road had gone under thirty-two years ago, in the first surge, and the Archive had not grown its first true crystal until six years after that. Anything on a windowsill in Saint Brendan's Road had been underwater longer than the Archive had existed. Salt did not grow underwater. It dissolved.

"Someone put it there," she said. "Afterwards. Divers."

"Nobody dives Saint Brendan's. The current's wrong." Tomas looked at the crystal, and for the first time since she'd known him he looked uneasy. "And it was in the silt, Ines. There was a ring round it where it had sat for years."

She should have sent him down to the front desk. There was a procedure for found objects, and the procedure involved forms, and three signatures, and a senior archivist named Oduya who had opinions about readers who handled unlogged material. Ines knew the procedure. She had, in her first week, been made to copy it out by hand.

She took the crystal.

It was heavier than it looked, and cold, the way Archive salt was always cold no matter how long the sun had been on it. She turned it over. At the base, where a growth would be cut from its pan, someone had engraved a series of marks. Not the Archive's catalogue code. Not letters. Three small circles, one inside the other, and a line through them.

"You know that mark?" Tomas asked.

"No."

That was true, but only just. She didn't know it. She had seen it. She couldn't have said where.

The pumps started up below them, first the big one at the seaward end and then the smaller ones in a ragged chorus, and the gantry began to hum under her feet. In ten minutes the other readers would be coming up the steps. Ines pulled the pads down from behind her ears and settled them against her jaw. She touched the stylus to the crystal's clouded core.

For a moment there was nothing but the hiss that all salt made, the sound of the sea it had come out of. Then, under it, a room. She could hear the room before she heard anyone in it: the tick of a radiator, rain against glass, the soft give of a mattress as someone sat down on the edge of a bed.

Then a woman's voice, close to the crystal, as if she were holding it in both hands and speaking into it.

"I don't know if this will work," the woman said. "Marguerite says it might, if I say it slowly. So I'm saying it slowly."

Ines knew the voice. She had fallen asleep to it every night until she was nine years old.

"This is for Ines," said her grandmother, thirty-two years ago, in a house that was about to drown. "She isn't born yet. Somebody please keep it for her."
`,
  },
  {
    key: 'cello',
    author: 'ben',
    genre: 'fiction',
    reviewsWanted: 2,
    postedHoursAgo: 100.1,
    title: 'If Found, Please Play',
    note: 'Flash fiction, about 400 words. Is the ending earned, or does it tip into whimsy? Tell me where it drags.',
    body: `
Every umbrella that comes into the Lost Property Office gets a tag, a number and a shelf, and Nell has tagged eleven thousand of them. She knows them the way a shepherd knows sheep: not by name, but by temperament. The black golf umbrellas are patient. The folding ones with broken ribs sulk. The children's umbrellas, with frog faces and duck bills, wait by the window as if someone might still come running.

Nobody comes running. That is the first thing you learn on the night shift. Things are lost in a hurry and reclaimed at leisure, if at all, and most of what arrives after midnight has been left by people who were tired or drunk or in love, and who have since decided they can live without it.

Tonight the bus drivers bring in a glove, a hymn book, a set of false teeth in a biscuit tin, and a cello.

The cello is in a hard case the colour of a fire engine. There is no name on it, only a luggage label in careful handwriting that says *If found, please play.*

Nell reads the label three times. Then she tags the case (No. 48,112, shelf R, large items), fills in the ledger, and makes a cup of tea, because there are rules, and the rules are what keep a place like this from becoming a museum or a landfill.

At three in the morning, with the tea gone cold, she opens the case.

She has never played anything. Her mother had a piano that was used mainly for photographs. But she sits on the step-stool, sets the cello between her knees the way she has seen on television, and draws the bow across the lowest string.

The sound fills the office the way water fills a bath. The umbrellas listen. The hymn book, she would swear later, falls open by itself.

She plays one note for a long time, and then, because nobody is there to hear it, another.

In the morning she writes in the ledger, under *Condition on receipt*: good. Under *Action taken*: as instructed. She closes the case, sets it back on shelf R, and goes home to sleep through a bright and ordinary day, humming something she does not know the name of.
`,
  },
  {
    key: 'sorry',
    author: 'chloe',
    genre: 'essay',
    reviewsWanted: 2,
    postedHoursAgo: 96.4,
    title: 'Sorry, Sorry, Sorry: Learning to Apologise in English',
    note: 'A personal essay for a magazine issue on language learning. Does the ending say too much? I would love comments on rhythm.',
    body: `
The first English word I learned to use correctly was not *hello* or *please* or *thank you*. It was *sorry*, and I learned it on the Tube, in my second week in London, when a man stepped on my foot and apologised to me.

I remember being confused. In French you apologise when you have done something: *pardon* if you brush past someone, *désolée* if you have made a real mistake, *je m'excuse* if you want to sound a little formal and a little guilty. The word is attached to the act. But the man on the Tube had apologised for my foot being where his foot wanted to go, and then, when I said nothing, because I was still translating, he apologised again, as if my silence were also his fault.

By the end of my first month I was saying it too. I said sorry to a door that opened towards me. I said sorry to a woman in a bakery because I wanted a croissant and she had to turn around to get it. I said sorry to a pigeon. Nobody corrected me, because I was not doing it wrong. I was finally doing it right.

It took me a long time to understand that the English *sorry* is not, most of the time, an apology. It is a kind of punctuation. It marks the edges of a small social event: I am about to enter your space, I have entered it, I am leaving it now. *Sorry, is this seat free? Sorry, could I just get past? Sorry, sorry, thanks, sorry.* It is a way of saying *I see you* without the embarrassment of saying *I see you*. In a crowded city, on a crowded island, it is the sound of people making room.

My grandmother, who never left Lyon for longer than a fortnight, would have hated it. She believed that words should mean exactly what they say, and that an apology offered without a fault was a kind of lie, or worse, a kind of weakness. When I visited her in my first summer back and said *pardon* three times while moving a chair, she looked at me over her glasses and asked what the English had done to me.

I did not have an answer then. I think I have one now.

What they did was teach me a second way to be polite, and with it a second way to be a person. In French I am direct. I say what I think, at dinner, with my hands. In English I am softer, more careful, more likely to begin a disagreement with *I might be wrong, but*. For years I thought one of these was the real me and the other was a costume. I assumed, because French came first, that it was the real one.

But a language is not a costume. It is more like a house you move into. At first you bump into the furniture and reach for light switches that aren't there. Then one day you find yourself walking through it in the dark without thinking, and you realise the house has changed the way you walk.

There is a particular kind of English apology that I still cannot do. It is the one where nobody has done anything wrong and somebody says *I'm so sorry* anyway, meaning: something bad has happened to you, and I wish it hadn't. When my friend Hannah's father died she told me on the phone, and I said, in English, *I'm sorry*, and it felt like handing her a glass of water with a hole in it. In French I would have said *je suis désolée*, which means something closer to *I am made desolate*: your grief has reached me and emptied me out a little too. That sentence has weight. It costs something to say.

I told Hannah this, later, clumsily, over a drink. I said English didn't have a word heavy enough. She thought about it for a while and then she said that maybe that was the point. Maybe the English say sorry so often, for so little, so that the word is always in their mouths and ready, worn smooth and easy to pass along, on the day it's needed for something terrible.

I don't know if she's right. I think about it every time I step onto a crowded train and hear the small chorus start up around me: *sorry, sorry, sorry*, a whole carriage apologising for the plain fact of having bodies, of needing room. I used to hear it as nervousness. Now, more and more, it sounds like practice.
`,
  },
  {
    key: 'flat9',
    author: 'dara',
    genre: 'mystery',
    reviewsWanted: 2,
    // After Dara's review of "The Cartographer's Apprentice": its pay is the fourth credit this draft costs.
    postedHoursAgo: 64.0,
    title: 'The Quiet Tenant of Flat Nine',
    note: 'A complete short mystery, a little over 3,000 words. Are the clues fair? Did you guess too early, or not at all? And does Hal sound like the same man all the way through?',
    body: `
I have been the caretaker of Marlow Court for fourteen years, and for ten of them I have never once seen the tenant of flat nine.

That isn't as strange as it sounds, or it wasn't at first. Marlow Court is six floors of red brick and bad plumbing on the north side of Ashby Park, put up in 1931 by a man who believed in high ceilings and did not believe in insulation. There are twelve flats, two to a floor, and the people who live in them mostly keep themselves to themselves. I know the Kowalczyks in seven because Mr Kowalczyk reports a fault in the lift about once a week, whether or not there is one. I know the students in five because they are students, and students are a thing you know about whether you want to or not. I know Mrs Vance in three because she has lived there longer than I've been alive, and because every Christmas she gives me a card with a five-pound note folded inside and a message in green ink, always the same message: *For the man who keeps the lights on.*

Flat nine I knew only by its rent.

It came on the first of every month, in a cream envelope pushed under the door of my own flat in the basement. Cash, the exact amount, in clean notes that had never been folded. The envelope said *Flat 9, E. Sorensen* in small square capitals, in ordinary blue biro. I passed the money to the agents, the agents passed it to the landlord, and the landlord, who lives in the Algarve and whom I have met twice, saw no reason to ask questions about a tenant who had never once been late.

I never saw who delivered it. I tried, the first year. I am not proud of that, but I was younger then and had less to do. I sat up on the last night of the month with the light off and a cup of tea going cold, and at some point I fell asleep in the chair, and in the morning the envelope was there on the mat as if it had grown there. After that I let it be. A man is entitled to his privacy. So, I decided, was an envelope.

The other residents were less restrained.

"A spy," Mr Kowalczyk told me, more than once, usually while I had my head inside the lift's control panel. "Cash. No name on the bell. Nobody coming, nobody going. What else?"

"A spy would have visitors," I said. "That's the whole job."

"A retired spy," he said, as if that settled it.

The students in five had a different theory every term. Flat nine was a famous novelist writing in secret. Flat nine was a lottery winner hiding from relatives. Flat nine was haunted, and the rent was paid by the ghost, out of a sense of obligation. One year they slipped a note under its door asking whether the tenant would like to come to a party, and the next morning the note was back under their own door, with *No, thank you* written neatly at the bottom in the same blue square capitals. They talked about that for weeks.

Over the years flat nine collected other stories too. A window cleaner swore he had seen a figure in the front room, sitting very still, though when pressed he admitted it might have been a coat over a chair. The postman said no letters ever came for flat nine, not so much as a pizza menu, which he considered the most suspicious thing of all. A woman from the council called once about the electoral register and went away with a form that was posted back to her a week later, filled in with square blue capitals. I came to feel about the tenant of flat nine the way you feel about a fox you sometimes see in the garden at night: a neighbour, in a way, but one with arrangements of its own.

Only Mrs Vance refused to speculate. I asked her once, when I was on her landing bleeding a radiator, whether she'd ever met our mystery neighbour. She was standing in her doorway with one hand on her stick and the other on the frame, as she always stood, and she gave me the look she gives the buses that go past her front window too early in the morning.

"Someone who values his privacy, Mr Brennan," she said. "Which is more than can be said for the rest of this building."

I took that as a rebuke, and I expect it was meant as one.

So it went on, for ten years. Envelopes on the first of the month. A name on a lease that nobody could put a face to. And the lift.

I should explain about the lift. Marlow Court's lift is older than any of us. It has a brass gate you have to drag across by hand and a motor that groans like a ship in a storm, and from my flat in the basement I can hear every journey it makes. After fourteen years I can tell you, with my eyes closed, which floor it has stopped at from the length of the groan. Most of the residents use the stairs, because the lift is slow and Mr Kowalczyk has convinced half the building that it is about to fall. The few who use it, use it for a reason.

Every evening at about seven o'clock the lift went up to the fourth floor. Every evening at about eleven, it came down again. I noticed it the way you notice a clock ticking, which is to say I stopped noticing it almost at once. It was simply one of the sounds of the building, like the boiler coming on at six and the pipes knocking when the students ran a bath.

Then came the cold.

You will remember the January I mean. For nine days the temperature never rose above freezing, and for three of them it never rose above minus eight. The pond in Ashby Park froze so thick that the council put up signs telling people not to walk on it, and people walked on it to read the signs. In Marlow Court I spent most of that week in the boiler room coaxing along a system that had been designed for a milder century, and the rest of it going from flat to flat showing people how to leave a tap dripping overnight.

On the fourth morning Mr Kowalczyk rang my bell at half past six.

"Water," he said. "In the bathroom. Coming through the ceiling."

I was ready to be sceptical. Mr Kowalczyk has reported water before. But when I got up to flat seven there was a brown stain the size of a dinner plate spreading across his bathroom ceiling, and a steady drip into the bath, and the plaster around the light fitting had started to bulge in a way I did not like at all.

Flat seven is on the third floor. Above it is flat nine.

I went up and knocked. I knocked politely, and then I knocked like a caretaker. I said who I was and why I was there. Nothing came back from behind the door, not a voice, not a footstep, not the creak of a floorboard. I stood there for a while with my ear to the paint, feeling foolish, and under the silence I could hear what I'd been afraid of: water, running somewhere, not from a tap but loose.

The lease gives me the right to enter in an emergency. I have a master key. I had never used it on flat nine, and for a moment, holding it, I felt as though I were about to read someone's letters. Then I thought of Mr Kowalczyk's bulging ceiling and the light fitting underneath it, and I opened the door.

The first thing I noticed was the cold. Every flat in the building was cold that week, but this was different. This was the cold of a place that had never been heated at all, the cold of a church in February. My breath showed. There was frost on the inside of the windows, little ferns of it climbing the glass from the corners.

The second thing I noticed was that there was nobody there, and that nobody had ever lived there. Not in the way people live in flats.

There was no bed. There was no table. The kitchen had a kettle and one cup, upside down on the draining board, and under the sink, where the water was coming from, a length of copper pipe had split along its side like a pea pod. I found the stopcock and turned it off, and the hissing stopped, and in the quiet I went and looked at the rest of it.

There was one room that mattered, and it was the front room, the one that looks south across Ashby Park. In the middle of it, facing the window, stood a single armchair. It was a good chair, high-backed and upholstered in green velvet gone bald at the arms, and it had been placed with care, squarely in front of the glass, the way you would place a chair to watch a fire. Over the back of it was a tartan rug. On the floor beside it stood a thermos flask, a small battery lamp and a biscuit tin. On the windowsill, lined up neatly, were a pair of opera glasses in a leather case and a notebook with a marbled cover.

I am a caretaker. I am not a detective. But I have been in a great many rooms in my life, and I know that a room will tell you what it is for if you let it. This room was for looking out of the window.

I went and stood behind the chair and looked.

From the fourth floor of Marlow Court you can see over the bare trees of the park to the backs of the houses on Ellery Road: a long terrace of Victorian villas with deep gardens, the sort of houses that estate agents describe as *family homes*. At that hour of the morning most of their windows were dark. One, on the first floor of the fourth house from the left, had a string of paper stars hung across it, and a nightlight shaped like a moon glowing faintly behind them.

I picked up the notebook. I know I shouldn't have. I did it anyway, and I have had time since to decide whether I'm sorry, and I have decided that I'm not.

It was written in green ink.

The entries went back years. There were several notebooks' worth, I found out later, in the biscuit tin. Each entry was short and dated, and most of them were about light.

*14 October. Lamp on 7.10. Off at 8.25. Long story tonight: the shadow of the book on the blind.*

*2 February. Nightlight only. I think she is ill. Lamp on again at 2 a.m., and the big light too.*

*3 February. Nightlight. Curtains open at 10 a.m. Better, I think.*

*11 June. Bicycle in the garden. Red, with stabilisers.*

*1 September. School uniform on the washing line. Green jumper. Too big, which is right.*

*19 December. Paper stars in the window. She has made them herself. Some are upside down.*

I stood in that freezing room and read about a child I had never met, growing up in a house I had never been inside, noted down by somebody who had sat there every evening from seven until eleven, for years, with a pair of opera glasses, in the cold.

Then I put the notebook back exactly where it had been, and I went downstairs to think.

I did not have to think for long. I am not claiming to be clever. Everything I needed, I had been given years before; I just hadn't looked at it all in the same place.

There was the lift, which went up to the fourth floor every evening at seven and came down again at eleven, and which only a few of our residents used, because only a few of them needed to. There was the green ink, which I had seen every Christmas for fourteen years. There was the rent in cash, in notes that had never been folded, the way some people keep money in a drawer and take it out a little at a time, because they never trusted banks and never will. There was the gas meter for flat nine, which I read each quarter and which had scarcely moved in ten years, because nobody who came to flat nine ever turned on the heating. They had the rug and the thermos, and they were only ever there for four hours at a time. And a pipe in an unheated flat, in the coldest January in thirty years, will freeze and split, and nobody will be there to notice.

And there was a woman on the first floor whose flat faced the street, and the buses, and never the park.

I knocked on the door of flat three at nine o'clock, which I judged to be late enough to be decent.

Mrs Vance opened it as she always did, one hand on her stick and the other on the frame. She looked at my face and then at my hands, and I realised I was still holding the master key, and that she knew exactly which door it had last opened.

"The pipe," she said. It wasn't a question.

"Under the sink. It's split. I've turned the water off. There's some damage to Mr Kowalczyk's ceiling."

She closed her eyes for a moment. "I thought it might. I meant to leave the tap running. I forgot. I forget things now." Then she opened them again and stepped back from the doorway. "You'd better come in, Mr Brennan. I'll make tea. I'm not having this conversation on the landing."

Her flat was warm, and smelled of furniture polish and toast. There were photographs on every surface, and I noticed, because I was looking properly now, that none of them was newer than about twelve years old: a young woman in a graduation gown; the same young woman on a beach, laughing at whoever held the camera; the same young woman in a wedding dress, not laughing.

I will not set down all of what she told me. Some of it was hers and not mine to pass on. But I can tell you the shape of it.

Edith Vance had a daughter. The daughter had married a man Mrs Vance did not approve of, and at the wedding, after a glass of wine more than she was used to, Mrs Vance had said something about him that was true and unforgivable, which she told me is the worst kind of thing to say. The daughter had not spoken to her since. That was twelve years ago. Two years after the wedding, a friend of a friend mentioned that the daughter had had a little girl, and that the family had bought a house on Ellery Road.

"I found out which one," Mrs Vance said. "I'm not proud of how. And then flat nine came up, and I went and stood in it while the agents were showing it, and I looked out of the window, and I could see her bedroom. The baby's. They'd painted it yellow."

She had signed the lease that afternoon under her maiden name, Sorensen. She paid in cash from the savings in her bedroom drawer, because she didn't want the agents, or the landlord, or me, to connect flat nine with flat three. She had never heated it because the heating in those flats costs a fortune, and because, she said, she did not feel she had earned the right to be comfortable there. She had bought the chair from a junk shop and had it delivered on a day when she knew I was away. She had written *No, thank you* on the students' invitation in square blue capitals to disguise her hand, and had laughed about it afterwards for a week.

"Every evening," I said.

"Every evening I could manage. Seven until she's asleep. Then a little while after, in case." She turned her teacup around on its saucer. "I know what you're thinking. It's a sad thing for an old woman to do."

I told her the truth, which was that I had not been thinking that at all. I had been thinking about the paper stars, and which of them were upside down.

She asked me whether I was going to tell anyone. The agents, the landlord, Mr Kowalczyk. I said the lease was in order and the rent had never been late, and that as far as I was concerned the tenant of flat nine was the best tenant in the building, and I had no complaints to make. I said I would have the pipe mended by Thursday, and that Mr Kowalczyk's ceiling would be replastered at the landlord's expense, which is what insurance is for.

Then I said one more thing, which was perhaps not my place. I said that twelve years was a long time, and that the little girl in the yellow room would be ten now, and that ten is old enough to get letters.

Mrs Vance didn't answer that. But she didn't tell me to mind my own business either, and from Mrs Vance that is very nearly agreement.

I mended the pipe on Wednesday, as it turned out, a day early. While I was up there I lagged every length of copper in flat nine, and I brought up a small oil-filled radiator from the store room and plugged it in beside the green chair, and I left a note on the seat in my own handwriting, which is terrible, to say that it was on the building and she was not to argue. She didn't argue. The radiator is still there.

Mr Kowalczyk's ceiling took longer. The plasterer came on the Friday and left on the Tuesday, and for five days Mr Kowalczyk stood in his bathroom doorway and supervised, and told anyone who passed that he had always said there was something wrong with flat nine, and now here was the proof. I did not point out that a burst pipe is not the same thing as a spy. A man is entitled to his theories, the same as his privacy, and Mr Kowalczyk had waited ten years to be right about something.

In my repair log, under *Flat 9*, I wrote: *Burst pipe, kitchen. Frozen. Repaired and lagged. Tenant informed.* Which is all true, and is all anybody needs to know.

The lift still goes up to the fourth floor at seven o'clock every evening, and comes down again at eleven. When Mr Kowalczyk asks me, as he still does, who lives in flat nine, I tell him the truth: someone who pays on time and values her privacy.

He has not noticed the *her*. The students have. They have decided it is a famous actress, and I have not corrected them.

And this Christmas, for the first time in fourteen years, the card that came under my door with the five-pound note in it said something different. It said, in green ink: *For the man who keeps the lights on. She wrote back.*
`,
  },
  {
    key: 'radio',
    author: 'eli',
    genre: 'memoir',
    reviewsWanted: 3,
    postedHoursAgo: 80.6,
    title: "My Father's Shortwave Radio",
    note: 'A short memoir piece. I am too close to it to know whether the ending works or just trails off. Be honest.',
    body: `
My father owned exactly one thing he was not allowed to be practical about, and it was a shortwave radio the size of a bread bin.

He bought it second-hand the year we came to Texas, from a man in a parking lot off the interstate who wanted forty dollars and settled for thirty-five and a tank of gas. I was seven. I remember the radio riding home on the back seat next to me, belted in, as if it were a younger brother, and my father glancing at it in the mirror more often than he glanced at me.

It had a dial that glowed orange and a needle that swept across the names of cities in a typeface that already looked old: Moscow, Havana, London, Cairo, Quito. At night, after the dishes, he would carry it out to the back step, pull the antenna out to its full length, and turn the big knob very slowly, as if he were trying to open a safe.

Most of what came out was noise. I don't think people who grew up with the internet understand how much of the world used to be noise. Long hissing stretches, whistles that rose and fell, voices that swam up for three words and sank again. My father listened to all of it with the same expression, patient and a little stern, the way he listened to me explaining something I'd done wrong.

He was looking for one station. I didn't know that for years. I thought he liked the static, or the far-off music, or the way the announcers from Quito rolled their words like marbles. It was my mother who told me, after he died, that he had been trying to find a broadcast from the town where he was born, a little regional station that played rancheras in the afternoon and read out the names of people who had died that week, and who was looking for whom, and who had a room to rent.

"Did he ever find it?" I asked her.

She shrugged. "Sometimes he said he did. I never heard anything. But I wasn't listening the way he was."

I have the radio now. It sits on a shelf in my study, and it still works, more or less, though the orange light flickers and the needle sticks between Cairo and Quito. I am not a sentimental person. I have given away most of my father's things, his tools and his good coat and the boots he resoled himself three times. The radio stayed because it is too heavy to post and too strange to sell, and because my daughter, who is seven, likes to turn the knob and hear the world whistle at her.

Last winter she brought it to me and asked what it was for. I tried to explain shortwave: how the signal bounces off the sky, off a layer of the atmosphere that shifts with the sun, so that at night you can hear places you could never hear in the day. She frowned at that. She wanted to know where the sky keeps the voices while they're bouncing.

I didn't have a good answer. I said something about waves. She lost interest and went back to her drawing, and I sat there with the radio on my knees, turning the dial the way he did, very slowly, listening to the hiss.

I am not looking for anything. I want to be clear about that. There is no station I am hoping to find, no town, no list of names. But I understand now that it was never really about finding it. It was about the listening: going out on the back step every night, in a country that did not yet feel like his, and holding very still, and giving the whole loud world a chance to say something in his language.

Some nights I still take it out to the porch. The antenna goes up. The needle drifts. My daughter sometimes comes out in her pyjamas and sits next to me, and we listen together, not talking, to all that noise.
`,
  },
  {
    key: 'maps',
    author: 'farah',
    genre: 'fantasy',
    reviewsWanted: 1,
    postedHoursAgo: 75.3,
    title: "The Cartographer's Apprentice",
    note: 'The opening scene of a longer fantasy piece. Mainly: is the premise clear by the end?',
    body: `
In the city of Vell the streets move at night, and somebody has to write down where they went.

That was the first thing Master Ashe told Pim on the morning she came to be apprenticed, before he told her where to sleep or what the wages were or that she would be expected to grind her own inks. He said it standing in the doorway of the map-house with a cold cup of tea in one hand and a pair of dividers in the other, and he said it as if he were apologising for the weather.

Pim had grown up in the hill villages, where a road was a road and went where it had always gone, and she had assumed, like most people from the hills, that the stories about Vell were exaggerated. They were not. On her first night she watched from the map-house roof as Tallow Lane unhooked itself from the fish market like a dog slipping its collar and wandered, with all its lamps still lit and a drunk man still singing halfway along it, to lie down somewhere near the river.

"Where's it going?" she asked.

"Wherever it likes," said Master Ashe. "That's why we're here. Pencil."

She gave him a pencil. By dawn he had filled four sheets with lines so fine they looked like the veins of a leaf, and Tallow Lane was lying quietly between the tannery and the Chapel of Small Mercies, and a man from the Guild of Carters was already hammering on the door to buy the new map.

The work, Pim learned, was mostly walking. The master mapped from the roof with his lenses and his instruments, but the lanes had a way of folding themselves out of sight, and someone had to go down into them with a chain and a notebook and measure. That someone was her. She walked the city every morning while it was still settling, when the cobbles were warm from moving and the doorways had not yet decided which way they faced. She learned to read the signs: the scrape marks where a street had dragged its corner, the puddles that ran uphill for an hour afterwards, the way cats refused to sit on any step that had arrived in the night.

She learned, too, that the city was not random. Streets moved towards things. Lanes drifted to the river in summer and away from it in the wet months. Market streets crept closer to each other as if for company. And one narrow street, a crooked little alley with no name on any map in the house, moved every single night to lie down at the door of the map-house itself.

"Ignore it," said Master Ashe, when she asked. "It wants something."

"What?"

He didn't look up from his drafting table. "To be drawn," he said. "And we don't draw that one. Ink."
`,
  },
  {
    key: 'kitchen',
    author: 'farah',
    genre: 'poetry',
    reviewsWanted: 3,
    postedHoursAgo: 30.2,
    title: 'Inventory of a Sublet Kitchen',
    note: 'Fourteen lines, loosely a sonnet. I am unsure about the last couplet: does it land, or is it too neat?',
    body: poem(`
Someone else's knives, dulled to the same patience
as the someone who used them. A colander
hung on a nail like a moon nobody wanted.
Three kinds of salt, and a note: *use the grey one.*

I have been here eleven days. I have learned
the left burner clicks four times before it believes me,
the tap runs warm first, and then honest,
the drawer by the fridge is for string, and keys to nothing.

At night I open her cupboards the way you'd read
a diary left out on purpose: tins of cardamom,
a jar of buttons sorted by no colour I can name,
one good cup, chipped where a mouth would go.

I wash it, dry it, put it back exactly.
Whoever I am here, I am careful with her things.
`),
  },
  {
    key: 'housesitter',
    author: 'ben',
    genre: 'horror',
    reviewsWanted: 2,
    contentNotes: ['violence'],
    postedHoursAgo: 20.5,
    title: 'Instructions for the House-Sitter',
    note: 'Short horror told as a list. Is the escalation too fast? Does the last instruction work as an ending?',
    body: `
Thank you so much for doing this at such short notice. We'll be back on Sunday evening. Everything you need should be here, but call if anything is unclear. (Please don't call after nine.)

1. The spare key is under the blue pot, not the green one. Please put it back under the blue one when you leave.

2. Biscuit gets one scoop of the dry food in the morning and half a tin in the evening. She will tell you she hasn't been fed. She has.

3. The boiler makes a knocking sound around midnight. That's normal. You don't need to do anything about it.

4. The wi-fi password is on the fridge. The television remote is temperamental; tap it against your palm and it usually sorts itself out.

5. Please water the ferns in the hallway on Saturday. Not the one at the bottom of the stairs. That one is fine.

6. If the boiler knocks more than three times, go and sit in the kitchen until it stops. Leave the light on. Biscuit will come with you. Let her.

7. The back bedroom is locked. It's just storage. You won't need anything from in there.

8. You might hear the neighbours through the wall on the left side of the house. They work nights, so it's usually quite late.

9. There are no neighbours on the left side of the house.

10. Sorry, I should have put that more clearly. The house on the left has been empty since we moved in. If you hear anything from that side, it isn't the neighbours, and you shouldn't knock back.

11. If the back bedroom is unlocked when you come down in the morning, don't lock it again. Just close the door gently and make yourself some breakfast. It will have locked itself by lunchtime.

12. Biscuit won't go upstairs after dark. If she comes running down, don't go up to see what she was running from.

13. Don't worry about the ferns.

14. We're so grateful. Honestly, we couldn't have gone away without you. It's been years since the house had anyone new to look after, and it does get lonely, with just us.
`,
  },
  {
    key: 'lemons',
    author: 'eli',
    genre: 'romance',
    reviewsWanted: 2,
    postedHoursAgo: 8.3,
    title: 'The Second Draft of a Love Letter',
    note: 'A small romance in the form of a letter. Does the voice feel warm, or just clever?',
    body: `
Dear Mira,

This is the second draft. The first one is in the bin under the sink, where it belongs, because it started with the weather and went downhill from there. It said, and I quote, *The light in the city has been very beautiful lately.* I don't know what I was thinking. You've seen the light in this city. You've seen it every day for six years. You don't need me to report on it.

So, second draft. I'll try to say the actual thing.

The actual thing is that I have been coming to the Thursday market for eleven weeks now, and I do not need that many lemons. Nobody needs that many lemons. My kitchen looks like a citrus-themed crime scene. I come because your stall is the third on the left, and because every Thursday you say "Back again?" and I say "Can't keep away," and we both laugh as though that were a joke.

It isn't a joke. I would like that to be on the record.

I know almost nothing about you. I know you write the prices on little slates in handwriting that leans to the right as if it's in a hurry. I know you give the bruised apples to the boy with the skateboard and pretend you don't. I know that when it rains you put on a yellow hat that is much too big for you, and that you know it's too big, and that you wear it anyway. I have built quite a lot on these foundations. Possibly too much.

Here is what I'm proposing. Not marriage, don't panic. Coffee. Thursday, after the market closes, at the café on the corner with the terrible chairs. If you come, I'll tell you my name, which I realise I have never actually said out loud at your stall, because every time I get to the front of the queue I panic and ask about the lemons.

If you don't come, that's all right too. I'll understand. I'll still buy lemons. I'll have to start making marmalade, probably, or give them to the neighbours, who are beginning to look at me strangely.

Either way, I wanted you to know that someone notices the hat.

Yours, in hope and with a great deal of fruit,

The man who buys too many lemons

P.S. This is still only the second draft. If I wait for a good one, I'll never send it.
`,
  },
];

// Reviews already in, with the author's helpful rating and the thread of replies where there is one.
export const REVIEWS = [
  {
    key: 'chloe-salt',
    draft: 'salt',
    reviewer: 'chloe',
    hoursAgo: 70.4,
    rated: { helpful: true, hoursAgo: 60.1 },
    replies: [
      {
        by: 'ada',
        hoursAgo: 58.7,
        body: "Thank you, this is exactly what I needed. You're right about Tomas: I've been treating him as a courier. And Marguerite is deliberate. She's the one who worked out how to grow a voice into salt before the Archive existed, which is chapter two.",
      },
      {
        by: 'chloe',
        hoursAgo: 52.2,
        body: "Then I'm doubly hooked. Post chapter two when it's ready and I'll claim it first thing.",
      },
    ],
    body: `
I loved this, and I would absolutely keep reading. The last line does exactly what a chapter ending should: it answers the question of what the crystal is and opens a much bigger one. I got a small chill.

What works best for me is how physical the Archive feels. The cold salt, the bone-conduction pads, the man reading a bus timetable aloud: those details do the world-building for you, so the history never feels like a lecture.

Two things to consider. First, the opening front-loads a lot of history before we see Ines doing anything. You could start on the gantry at dawn and let the history arrive in pieces. Second, Tomas is a convenient delivery man right now. Give him one moment where he wants something for himself, even something small, and he'll feel like a person rather than a plot device.

Small thing: Marguerite arrives with no context in the final scene. If that's deliberate, great; just make sure she pays off soon.
`,
    inline: [
      {
        paragraph: 1,
        quote: 'You could grow a wedding into a block the size of a loaf.',
        body: "This is the line that sold me on the premise. It's more vivid than the explanation around it; consider leading with it.",
      },
      {
        paragraph: 6,
        quote: "The Archive paid him in tokens and did not ask where exactly he'd found them.",
        body: "Lovely: one sentence tells me a lot about the Archive's ethics. I'd like one more hint of that later in the chapter.",
      },
    ],
  },
  {
    key: 'dara-maps',
    draft: 'maps',
    reviewer: 'dara',
    hoursAgo: 66.2,
    body: `
Yes, the premise is completely clear by the end, and it's a great one. A city whose streets move, and a trade that exists because of it, is the kind of idea that feels obvious the moment you read it, which is the best kind.

Master Ashe is a lot of fun. He speaks almost entirely in single-word instructions, and that tells me everything about him. Pim is less defined so far: I know where she's from but not what she wants. Even one line about why she left the hills would help.

The alley at the end is a strong hook. My only worry is that "It wants something" and "To be drawn" arrive very close together; you could let Pim, and us, sit with the first answer for a scene before giving the second.

Lovely details throughout. More of those, please.
`,
    inline: [
      {
        paragraph: 2,
        quote: 'Tallow Lane unhooked itself from the fish market like a dog slipping its collar',
        body: 'This is the moment I believed in the city. Wonderful verb.',
      },
      {
        paragraph: 6,
        quote: 'the way cats refused to sit on any step that had arrived in the night',
        body: 'Best detail in the piece. It makes the magic feel observed rather than explained.',
      },
    ],
  },
  {
    key: 'ben-sorry',
    draft: 'sorry',
    reviewer: 'ben',
    hoursAgo: 50.3,
    body: `
I enjoyed this a lot, and I say that as an English person who has apologised to furniture. The Tube opening is perfect: specific, funny, and it poses the essay's question without announcing it.

The strongest section for me is the comparison with *je suis désolée*. That's where the essay stops being charming and starts being about something: what a language lets you feel, and how much a word costs to say. I'd like more there, maybe one more French phrase that does something English can't.

On rhythm, which you asked about: the paragraph about the house you move into is lovely, but it arrives a beat early, before the Hannah story has earned it. Try swapping the order and see how it reads.

On the ending: I don't think it says too much. "It sounds like practice" is a quiet, open last line. I'd only cut the sentence before it, about nervousness, which explains what the last line already shows.
`,
    inline: [
      {
        paragraph: 2,
        quote: 'I said sorry to a pigeon.',
        body: 'Ha. This is the laugh the paragraph needs, and the two sentences after it land because of it.',
      },
      {
        paragraph: 8,
        quote: 'it felt like handing her a glass of water with a hole in it',
        body: 'This image is doing a lot of work, and doing it well. It is the emotional centre of the piece.',
      },
    ],
  },
  {
    key: 'ada-radio',
    draft: 'radio',
    reviewer: 'ada',
    hoursAgo: 45.1,
    body: `
This is quietly devastating, and I mean that as the highest compliment. The radio as the one impractical thing your father allowed himself tells us who he was without any summary.

You said you're too close to judge the ending. I think the ending works, but the paragraph that begins "I am not looking for anything" does something the rest of the piece doesn't: it explains. "It was about the listening" is true, and it's what the reader has already understood from the back step and the safe. I'd cut that paragraph down to its last sentence, or lose it entirely, and go straight from your daughter's question to the porch.

One other note: your mother's revelation is the turn of the whole piece, and it arrives in a single long sentence. Slow it down. Let us hear her say it.
`,
    inline: [
      {
        paragraph: 2,
        quote: 'as if he were trying to open a safe',
        body: "Perfect image. It's the one I'll remember.",
      },
      {
        paragraph: 8,
        quote: "She wanted to know where the sky keeps the voices while they're bouncing.",
        body: 'This is the real ending, I think. Everything after it could be shorter.',
      },
    ],
  },
  {
    key: 'eli-flat9',
    draft: 'flat9',
    reviewer: 'eli',
    hoursAgo: 40.6,
    body: `
A lovely piece, and a real mystery: every clue is on the page and I still didn't put them together until Hal did, which is exactly where a reader wants to be. The lift is the best clue, because it hides in plain sight as atmosphere.

Hal's voice is the strongest thing here and it holds all the way through. He's dry without being smug, and the line about the envelope made me laugh out loud.

Where I'd push: the stretch between the frozen January and Hal opening the door runs a little long. The pond signs and the dripping taps are good, but you could lose a third of it without losing the mood. And the explanation in flat three tells us more than it needs to. "I will not set down all of what she told me" is a good instinct; trust it further and cut some of the summary that follows.
`,
    inline: [
      {
        paragraph: 4,
        quote: 'A man is entitled to his privacy. So, I decided, was an envelope.',
        body: "Favourite line in the piece. It sets up Hal's tact, which turns out to be the whole resolution.",
      },
      {
        paragraph: 66,
        quote: 'He has not noticed the *her*.',
        body: "Good callback to Mrs Vance's \"his\". I'd consider ending here. The Christmas card is sweet but might be one beat too many. I'm honestly torn.",
      },
    ],
  },
  {
    key: 'farah-radio',
    draft: 'radio',
    reviewer: 'farah',
    hoursAgo: 36.4,
    body: `
I read this twice, once fast and once slowly, and the second time it was better, which is a good sign for any piece.

I'd push back a little on cutting the paragraph that explains. For me "I am not looking for anything. I want to be clear about that." is the most honest moment in the piece, because it's so obviously not quite true. The narrator protests too much, and that's moving. If you keep it, lean into that doubt a little more.

What I'd look at instead is the opening. The first line is a great hook, but the next paragraph goes straight to the parking lot. I want one sentence about the practical man first, and the resoled boots, which currently turn up late, would be perfect. Then the radio reads as the exception it is.

Small: the cities on the dial are lovely, and Quito coming back later is a nice echo.
`,
    inline: [
      {
        paragraph: 3,
        quote: "I don't think people who grew up with the internet understand how much of the world used to be noise.",
        body: "This widens the piece beautifully. It's the only moment you speak to the reader directly, and it works.",
      },
      {
        paragraph: 7,
        quote: 'the boots he resoled himself three times',
        body: "Move this, or a version of it, up to the opening. It's the best evidence of his practicality.",
      },
    ],
  },
];

// Newer parts of the exchange, written after the timeline above (hours before the seed runs): a novelist's work in
// three parts with a returning reader, a revised essay, follows, a pending invitation, a block, content notes and one
// open report for the moderator (Ada moderates locally: `npm start` names her in ADMIN_EMAILS).
export const NEWCOMERS = [
  { key: 'nell', name: 'Nell Varga', joinedHoursAgo: 7 },
  { key: 'omar', name: 'Omar Said', joinedHoursAgo: 6.5 },
].map((m) => ({ ...m, email: `${m.key}@volley.example` }));

export const WORK = {
  author: 'nell',
  title: 'The Orange Crate',
  genre: 'literary',
  synopsis: 'A woman crosses the North Sea to find a brother who does not want to be found.',
  contentNotes: ['death'],
  parts: [
    {
      title: 'Harwich',
      hoursAgo: 6,
      questions: ['Do you care about Mara by the end of the chapter?'],
      body: `Mara bought the ticket with coins she had been saving in a tea tin since March, and the clerk counted them twice.

The ferry smelled of diesel and wet carpet. She sat by a window that would not open and watched the cranes fold themselves away.

Her brother's last postcard was in her coat pocket. It said only: do not come, the weather here is worse than you think.`,
    },
    {
      title: 'Hook of Holland',
      hoursAgo: 3,
      previously: 'Mara crossed the North Sea with a postcard from her brother telling her not to come.',
      body: `The harbour was flat and grey and full of bicycles. Nobody looked at her, which she had not expected to mind.

A man at the tram stop knew the street on the postcard. He drew her a map on the back of a receipt and would not take her money.

By dusk she stood outside a narrow house with a green door and no lights on, and she did not knock.`,
    },
    {
      title: 'The Envelope',
      hoursAgo: 1,
      previously: 'Mara found the street on her brother’s postcard, and stood outside his dark house without knocking.',
      body: `In the morning there was an envelope taped to the green door with her name on it, spelled the old way, the way their mother had.

Inside was a key and a list of instructions written in pencil: feed the cat, do not open the cellar, wait.

She fed the cat. She sat on the stairs for a long time, listening to the house settle around her like an animal.`,
    },
  ],
};

/** Ben reads Nell's first part, answers her question, and so is a returning reader for the parts after it. */
export const WORK_REVIEW = {
  reviewer: 'ben',
  hoursAgo: 5,
  body: `I enjoyed this opening a great deal, and I think its restraint is its strongest quality. Mara arrives fully formed through small concrete choices: the tea tin, the coins counted twice, the window that refuses to open. None of these announce themselves, yet together they tell me she is careful, poor, stubborn and a little lonely. The ferry paragraph could carry one more sensory detail, perhaps sound, because right now smell and sight do all the work. My main question concerns pacing. The chapter ends almost as soon as it begins, so the postcard lands with less weight than it deserves. Consider letting us sit with her on deck before revealing the message, so the warning feels like an interruption rather than a summary. I would also trim the word "only" from the final paragraph; the bluntness of the card speaks without help. Overall this is a confident start, and I want to follow her across.`,
  answers: [
    {
      question: 0,
      body: 'Yes, I care about her already, mostly because she keeps going without explaining herself to anyone around her.',
    },
  ],
};

export const REVISED = {
  author: 'omar',
  title: 'Saltmarsh Light',
  genre: 'essay',
  hoursAgo: 5.5,
  body: `Every evening the marsh turns the colour of weak tea, and the birds come in low over the reeds as if they were late.

I walked there for a year after my father died, always the same path, always at the same hour, and I never once saw another person.

What I learned there is hard to say without sounding foolish: that attention is a kind of company.`,
  revision: {
    hoursAgo: 2,
    note: 'Tightened the middle and gave the ending a place to land.',
    body: `Every evening the marsh turns the colour of weak tea, and the birds come in low over the reeds as if they were late.

I walked there for a year after my father died, always at dusk, and in all that time I met one other walker, who did not say hello.

What I learned there is hard to say without sounding foolish: that attention is a kind of company.

The marsh did not console me. It simply went on, and let me go on beside it.`,
  },
};
